import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `sent` log becomes the log of how each delivery ended: sent, skipped (no active account, no
 * phone number, a used reset link) or failed for good. The sweep re-queues only deliveries without
 * an outcome, so ones that will never go out no longer fill its batch and hide one whose job a
 * Redis restart lost.
 */
export class DeliveryOutcomes1765100000000 implements MigrationInterface {
  name = 'DeliveryOutcomes1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."sent" RENAME TO "delivery_outcomes"`);
    await runner.query(`ALTER TABLE "notifications"."delivery_outcomes" RENAME COLUMN "sent_at" TO "settled_at"`);
    await runner.query(
      `ALTER TABLE "notifications"."delivery_outcomes" ADD COLUMN "outcome" text NOT NULL DEFAULT 'sent'`,
    );
    await runner.query(`ALTER TABLE "notifications"."delivery_outcomes" ALTER COLUMN "outcome" DROP DEFAULT`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "notifications"."delivery_outcomes" WHERE "outcome" <> 'sent'`);
    await runner.query(`ALTER TABLE "notifications"."delivery_outcomes" DROP COLUMN "outcome"`);
    await runner.query(`ALTER TABLE "notifications"."delivery_outcomes" RENAME COLUMN "settled_at" TO "sent_at"`);
    await runner.query(`ALTER TABLE "notifications"."delivery_outcomes" RENAME TO "sent"`);
  }
}
