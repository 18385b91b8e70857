import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose rows change when a counselor can be booked, and the column naming the counselor. */
const CALENDAR_TABLES: [string, string][] = [
  ['counselors', 'counselor_id'],
  ['offerings', 'counselor_id'],
  ['availability', 'counselor_id'],
  ['time_off', 'counselor_id'],
  ['bookings', 'counselor_id'],
  ['account_states', 'user_id'],
  ['user_zones', 'user_id'],
];

/**
 * What search knows about each counselor's openings, kept by the booking service: a trigger on
 * every calendar table marks the counselor stale in the same transaction as the change (so no code
 * path can forget it), and `OpeningsRefresher` recomputes stale counselors and tells the directory.
 * Each mark takes a new number, so a refresh removes only the marks it has seen.
 */
export class CounselorOpenings1764950000000 implements MigrationInterface {
  name = 'CounselorOpenings1764950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE "booking"."openings_mark_seq"`);
    await runner.query(`
      CREATE TABLE "booking"."openings_stale" (
        "counselor_id" uuid PRIMARY KEY,
        "mark" bigint NOT NULL DEFAULT nextval('"booking"."openings_mark_seq"')
      )`);
    await runner.query(`
      CREATE TABLE "booking"."counselor_openings" (
        "counselor_id" uuid PRIMARY KEY,
        "next_available_at" timestamptz,
        "computed_at" timestamptz NOT NULL,
        -- When the openings stop being right without any change: the first start passes its notice, or they age.
        "refresh_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "counselor_openings_refresh_idx" ON "booking"."counselor_openings" ("refresh_at")`,
    );
    await runner.query(`
      CREATE FUNCTION "booking"."mark_openings_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
      BEGIN
        INSERT INTO "booking"."openings_stale" ("counselor_id") VALUES ((row_data ->> TG_ARGV[0])::uuid)
        ON CONFLICT ("counselor_id") DO UPDATE SET "mark" = nextval('"booking"."openings_mark_seq"');
        RETURN NULL;
      END $$`);
    for (const [table, column] of CALENDAR_TABLES) {
      await runner.query(`
        CREATE TRIGGER "${table}_mark_openings_stale" AFTER INSERT OR UPDATE OR DELETE ON "booking"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "booking"."mark_openings_stale"('${column}')`);
    }
    await runner.query(
      `INSERT INTO "booking"."openings_stale" ("counselor_id") SELECT "counselor_id" FROM "booking"."counselors"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table] of CALENDAR_TABLES) {
      await runner.query(`DROP TRIGGER "${table}_mark_openings_stale" ON "booking"."${table}"`);
    }
    await runner.query(`DROP FUNCTION "booking"."mark_openings_stale"()`);
    await runner.query(`DROP TABLE "booking"."counselor_openings"`);
    await runner.query(`DROP TABLE "booking"."openings_stale"`);
    await runner.query(`DROP SEQUENCE "booking"."openings_mark_seq"`);
  }
}
