import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's own time zone (from accounts events): the zone of a counselor's availability before they set one. */
export class CreateUserZones1764400000001 implements MigrationInterface {
  name = 'CreateUserZones1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "booking"."user_zones" (
        "user_id" uuid PRIMARY KEY,
        "timezone" text NOT NULL,
        -- occurredAt of the event this reflects: an older event never overwrites a newer one.
        "version_at" timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "booking"."user_zones"`);
  }
}
