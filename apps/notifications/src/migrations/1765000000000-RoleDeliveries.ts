import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification for everyone holding a role (finance alerts) is recorded as a delivery too, on
 * the `fan-out` channel with the role instead of a user, so the sweep queues it again when a
 * Redis restart lost its job before it was expanded into one delivery per user.
 */
export class RoleDeliveries1765000000000 implements MigrationInterface {
  name = 'RoleDeliveries1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."deliveries" ALTER COLUMN "user_id" DROP NOT NULL`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" ADD COLUMN "role" text`);
    await runner.query(
      `ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_one_recipient"
         CHECK (("user_id" IS NULL) <> ("role" IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "notifications"."deliveries" WHERE "user_id" IS NULL`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" DROP CONSTRAINT "deliveries_one_recipient"`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" DROP COLUMN "role"`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" ALTER COLUMN "user_id" SET NOT NULL`);
  }
}
