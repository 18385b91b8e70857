import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each counselor's next open start, copied onto the counselor row by triggers (from
 * `counselor_openings` as the booking service reports it, and when a counselor row is created after
 * its openings), so the availability sort without a window walks an index over public profiles and
 * stops after a page instead of joining and sorting every match's openings.
 */
export class NextAvailableOnCounselors1765200000001 implements MigrationInterface {
  name = 'NextAvailableOnCounselors1765200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "directory"."counselors" ADD COLUMN "next_available_at" timestamptz`);
    await runner.query(`
      CREATE FUNCTION "directory"."openings_copy_next_available"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.counselor_id <> OLD.counselor_id) THEN
          UPDATE "directory"."counselors" SET "next_available_at" = NULL
          WHERE "id" = OLD.counselor_id AND "next_available_at" IS NOT NULL;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          UPDATE "directory"."counselors" SET "next_available_at" = NEW.next_available_at
          WHERE "id" = NEW.counselor_id AND "next_available_at" IS DISTINCT FROM NEW.next_available_at;
        END IF;
        RETURN NULL;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER "openings_next_available" AFTER INSERT OR DELETE OR UPDATE OF "counselor_id", "next_available_at"
      ON "directory"."counselor_openings" FOR EACH ROW EXECUTE FUNCTION "directory"."openings_copy_next_available"()`);
    await runner.query(`
      CREATE FUNCTION "directory"."counselors_read_next_available"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.next_available_at := (SELECT "next_available_at" FROM "directory"."counselor_openings"
                                  WHERE "counselor_id" = NEW.id);
        RETURN NEW;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER "counselors_next_available" BEFORE INSERT ON "directory"."counselors"
      FOR EACH ROW EXECUTE FUNCTION "directory"."counselors_read_next_available"()`);
    await runner.query(`
      UPDATE "directory"."counselors" c SET "next_available_at" = x."next_available_at"
      FROM "directory"."counselor_openings" x WHERE x."counselor_id" = c."id" AND x."next_available_at" IS NOT NULL`);
    // The availability sort without a window: soonest first, then as relevance without text.
    await runner.query(`
      CREATE INDEX "counselors_public_soonest_idx" ON "directory"."counselors"
        ("next_available_at" ASC NULLS LAST, "rating" DESC, "review_count" DESC, "created_at", "id")
        WHERE "status" = 'active' AND "account_active"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "directory"."counselors_public_soonest_idx"`);
    await runner.query(`DROP TRIGGER "counselors_next_available" ON "directory"."counselors"`);
    await runner.query(`DROP FUNCTION "directory"."counselors_read_next_available"()`);
    await runner.query(`DROP TRIGGER "openings_next_available" ON "directory"."counselor_openings"`);
    await runner.query(`DROP FUNCTION "directory"."openings_copy_next_available"()`);
    await runner.query(`ALTER TABLE "directory"."counselors" DROP COLUMN "next_available_at"`);
  }
}
