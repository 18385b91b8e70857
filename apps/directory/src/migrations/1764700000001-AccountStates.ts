import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether each account is active, copied from `user.updated`, and on each counselor profile: a
 * deactivated counselor is hidden like a suspended one, without losing their suspension status.
 */
export class AccountStates1764700000001 implements MigrationInterface {
  name = 'AccountStates1764700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "directory"."account_states" (
        "user_id" uuid PRIMARY KEY,
        "active" boolean NOT NULL,
        "rights_version" integer NOT NULL
      )`);
    await runner.query(
      `ALTER TABLE "directory"."counselors" ADD COLUMN "account_active" boolean NOT NULL DEFAULT true`,
    );
    await runner.query(`DROP INDEX "directory"."counselors_active_rating_idx"`);
    await runner.query(`
      CREATE INDEX "counselors_active_rating_idx" ON "directory"."counselors" ("rating" DESC)
      WHERE "status" = 'active' AND "account_active"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "directory"."counselors_active_rating_idx"`);
    await runner.query(
      `CREATE INDEX "counselors_active_rating_idx" ON "directory"."counselors" ("rating" DESC) WHERE "status" = 'active'`,
    );
    await runner.query(`ALTER TABLE "directory"."counselors" DROP COLUMN "account_active"`);
    await runner.query(`DROP TABLE "directory"."account_states"`);
  }
}
