import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at marketplace scale: each counselor's openings as the booking service last computed them
 * (so an availability filter or sort is one query over every match), and indexes that serve the
 * default orders without sorting every match.
 */
export class SearchAtScale1764900000001 implements MigrationInterface {
  name = 'SearchAtScale1764900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "directory"."counselor_openings" (
        "counselor_id" uuid PRIMARY KEY,
        "next_available_at" timestamptz,
        -- Bookable starts as closed runs; see CounselorOpenings in the booking events.
        "open_starts" tstzmultirange NOT NULL,
        "max_step_minutes" integer NOT NULL,
        "computed_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "counselor_openings_next_idx" ON "directory"."counselor_openings" ("next_available_at", "counselor_id")`,
    );
    // Relevance without text and the rating sort: the first page straight from the index.
    await runner.query(`
      CREATE INDEX "counselors_public_order_idx" ON "directory"."counselors"
        ("rating" DESC, "review_count" DESC, "created_at", "id") WHERE "status" = 'active' AND "account_active"`);
    await runner.query(`
      CREATE INDEX "counselors_public_rating_idx" ON "directory"."counselors"
        ("rating" DESC, "review_count" DESC, "id") WHERE "status" = 'active' AND "account_active"`);
    await runner.query(`DROP INDEX "directory"."counselors_active_rating_idx"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX "counselors_active_rating_idx" ON "directory"."counselors" ("rating" DESC)
      WHERE "status" = 'active' AND "account_active"`);
    await runner.query(`DROP INDEX "directory"."counselors_public_rating_idx"`);
    await runner.query(`DROP INDEX "directory"."counselors_public_order_idx"`);
    await runner.query(`DROP TABLE "directory"."counselor_openings"`);
  }
}
