import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether each account is active (from `user.updated`): a deactivated counselor has no slots and no feed. */
export class CreateAccountStates1764700000001 implements MigrationInterface {
  name = 'CreateAccountStates1764700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "booking"."account_states" (
        "user_id" uuid PRIMARY KEY,
        "active" boolean NOT NULL,
        -- The account's rights version: an older or redelivered event never overwrites a newer state.
        "rights_version" integer NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "booking"."account_states"`);
  }
}
