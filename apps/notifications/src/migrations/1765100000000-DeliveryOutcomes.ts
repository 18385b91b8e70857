import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each delivery records how it ended: sent, skipped (no active account, no phone, a used reset
 * link) or failed for good. Only unsettled deliveries are swept, so ones that will never go out no
 * longer fill the sweep's batch and hide a delivery Redis really lost.
 */
export class DeliveryOutcomes1765100000000 implements MigrationInterface {
  name = 'DeliveryOutcomes1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notifications"."deliveries" ADD COLUMN "settled_at" timestamptz`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" ADD COLUMN "outcome" text`);
    await runner.query(
      `UPDATE "notifications"."deliveries" d SET "settled_at" = s."sent_at", "outcome" = 'sent'
         FROM "notifications"."sent" s
        WHERE s."notification_key" = d."notification_key" AND s."channel" = d."channel"`,
    );
    await runner.query(`DROP INDEX "notifications"."deliveries_created_at"`);
    await runner.query(
      `CREATE INDEX "deliveries_unsettled" ON "notifications"."deliveries" ("created_at") WHERE "settled_at" IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "notifications"."deliveries_unsettled"`);
    await runner.query(`CREATE INDEX "deliveries_created_at" ON "notifications"."deliveries" ("created_at")`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" DROP COLUMN "outcome"`);
    await runner.query(`ALTER TABLE "notifications"."deliveries" DROP COLUMN "settled_at"`);
  }
}
