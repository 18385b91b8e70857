import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every message the service decided to send, per channel, written with the decision (the event's
 * transaction): Redis only carries the jobs, so a Redis that lost them is repaired from here.
 */
export class CreateDeliveries1764900000000 implements MigrationInterface {
  name = 'CreateDeliveries1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "notifications"."deliveries" (
        "notification_key" text NOT NULL,
        "channel" text NOT NULL,
        "user_id" uuid NOT NULL,
        "type" text NOT NULL,
        "input" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("notification_key", "channel")
      )`);
    await runner.query(`CREATE INDEX "deliveries_created_at" ON "notifications"."deliveries" ("created_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "notifications"."deliveries"`);
  }
}
