import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app messages, preferences, the copy of bookings reminders are rebuilt from, and the sent log. */
export class CreateNotificationTables1764600000000 implements MigrationInterface {
  name = 'CreateNotificationTables1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "notifications"."messages" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL,
        "type" text NOT NULL,
        "title" text NOT NULL,
        "body" text NOT NULL,
        "data" jsonb NOT NULL DEFAULT '{}',
        -- The notification this message delivers: a retried job finds its row instead of adding one.
        "notification_key" text NOT NULL UNIQUE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz
      )`);
    await runner.query(
      `CREATE INDEX "messages_user_created" ON "notifications"."messages" ("user_id", "created_at" DESC, "id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "messages_user_unread" ON "notifications"."messages" ("user_id", "created_at" DESC, "id" DESC) WHERE "read_at" IS NULL`,
    );
    await runner.query(`
      CREATE TABLE "notifications"."preferences" (
        "user_id" uuid PRIMARY KEY,
        "email" boolean NOT NULL,
        "sms" boolean NOT NULL,
        "in_app" boolean NOT NULL,
        "reminders" integer[] NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "notifications"."bookings" (
        "booking_id" uuid PRIMARY KEY,
        "client_id" uuid NOT NULL,
        "counselor_id" uuid NOT NULL,
        "counselor_name" text NOT NULL,
        "offering_id" uuid NOT NULL,
        "offering_title" text NOT NULL,
        "mode" text NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "duration_minutes" integer NOT NULL,
        "amount_paise" bigint NOT NULL,
        "meeting_url" text,
        "status" text NOT NULL,
        -- occurredAt of the event this row reflects: an older event never overwrites a newer one.
        "version_at" timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "bookings_confirmed_start" ON "notifications"."bookings" ("starts_at") WHERE "status" = 'confirmed'`,
    );
    await runner.query(`
      CREATE TABLE "notifications"."sent" (
        "notification_key" text NOT NULL,
        "channel" text NOT NULL,
        "sent_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("notification_key", "channel")
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "notifications"."sent"`);
    await runner.query(`DROP TABLE "notifications"."bookings"`);
    await runner.query(`DROP TABLE "notifications"."preferences"`);
    await runner.query(`DROP TABLE "notifications"."messages"`);
  }
}
