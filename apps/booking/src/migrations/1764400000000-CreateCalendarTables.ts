import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booking service's calendar: local copies of counselor status and offerings (fed by directory
 * events), availability, time off, ICS feed tokens, and the bookings table with the exclusion
 * constraint that makes double booking impossible.
 */
export class CreateCalendarTables1764400000000 implements MigrationInterface {
  name = 'CreateCalendarTables1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await runner.query(`
      CREATE TABLE "booking"."counselors" (
        "counselor_id" uuid PRIMARY KEY,
        "status" text NOT NULL CHECK ("status" IN ('active', 'suspended')),
        -- occurredAt of the event that set the status: an older event never overwrites a newer one.
        "status_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE "booking"."offerings" (
        "id" uuid PRIMARY KEY,
        "counselor_id" uuid NOT NULL,
        "title" text NOT NULL,
        "mode" text NOT NULL CHECK ("mode" IN ('chat', 'audio', 'video')),
        "duration_minutes" integer NOT NULL CHECK ("duration_minutes" > 0),
        "price_paise" bigint NOT NULL CHECK ("price_paise" >= 0),
        "currency" text NOT NULL DEFAULT 'INR',
        "active" boolean NOT NULL,
        "version_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "offerings_counselor_idx" ON "booking"."offerings" ("counselor_id")`);

    await runner.query(`
      CREATE TABLE "booking"."availability" (
        "counselor_id" uuid PRIMARY KEY,
        "timezone" text NOT NULL,
        "weekly" jsonb NOT NULL DEFAULT '[]',
        "overrides" jsonb NOT NULL DEFAULT '[]',
        "buffer_minutes" integer NOT NULL CHECK ("buffer_minutes" BETWEEN 0 AND 120),
        "min_notice_minutes" integer NOT NULL CHECK ("min_notice_minutes" BETWEEN 0 AND 43200),
        "max_advance_days" integer NOT NULL CHECK ("max_advance_days" BETWEEN 1 AND 365),
        "slot_interval_minutes" integer CHECK ("slot_interval_minutes" BETWEEN 5 AND 240),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE "booking"."time_off" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "counselor_id" uuid NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "reason" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "time_off_order" CHECK ("ends_at" > "starts_at")
      )`);
    await runner.query(`CREATE INDEX "time_off_counselor_idx" ON "booking"."time_off" ("counselor_id", "ends_at")`);

    await runner.query(`
      CREATE TABLE "booking"."calendar_feeds" (
        "counselor_id" uuid PRIMARY KEY,
        -- Random per feed; the token is HMAC(secret, counselor id + nonce), so the database alone cannot rebuild it.
        "nonce" text NOT NULL,
        -- sha256 of the token: how a feed request finds its counselor.
        "token_hash" text NOT NULL UNIQUE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "rotated_at" timestamptz
      )`);

    await runner.query(`
      CREATE TABLE "booking"."bookings" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "counselor_id" uuid NOT NULL,
        "offering_id" uuid NOT NULL,
        "mode" text NOT NULL CHECK ("mode" IN ('chat', 'audio', 'video')),
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        -- The counselor's buffer when the booking was made: rest after the session that no other booking may take.
        "buffer_minutes" integer NOT NULL DEFAULT 0 CHECK ("buffer_minutes" BETWEEN 0 AND 120),
        -- ends_at + buffer, kept by a trigger; the exclusion constraint works on [starts_at, blocked_until).
        "blocked_until" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('pending_payment', 'confirmed', 'expired', 'cancelled', 'completed', 'no_show')),
        "price_paise" bigint NOT NULL CHECK ("price_paise" >= 0),
        "currency" text NOT NULL DEFAULT 'INR',
        "expires_at" timestamptz,
        "meeting_url" text,
        "cancelled_by" text CHECK ("cancelled_by" IN ('client', 'counselor', 'admin', 'system')),
        "cancel_reason" text,
        "cancelled_at" timestamptz,
        "rescheduled_from" timestamptz,
        "confirmed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "bookings_order" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "bookings_blocked_until" CHECK ("blocked_until" = "ends_at" + make_interval(mins => "buffer_minutes")),
        CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
          "counselor_id" WITH =,
          tstzrange("starts_at", "blocked_until", '[)') WITH &&
        ) WHERE ("status" IN ('pending_payment', 'confirmed'))
      )`);
    await runner.query(`
      CREATE FUNCTION "booking"."bookings_set_blocked_until"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."blocked_until" := NEW."ends_at" + make_interval(mins => NEW."buffer_minutes");
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER "bookings_blocked_until_trigger"
        BEFORE INSERT OR UPDATE OF "ends_at", "buffer_minutes", "blocked_until" ON "booking"."bookings"
        FOR EACH ROW EXECUTE FUNCTION "booking"."bookings_set_blocked_until"()`);
    await runner.query(
      `CREATE INDEX "bookings_counselor_starts_idx" ON "booking"."bookings" ("counselor_id", "starts_at")`,
    );
    await runner.query(`CREATE INDEX "bookings_client_starts_idx" ON "booking"."bookings" ("client_id", "starts_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "booking"."bookings"`);
    await runner.query(`DROP FUNCTION "booking"."bookings_set_blocked_until"()`);
    await runner.query(`DROP TABLE "booking"."calendar_feeds"`);
    await runner.query(`DROP TABLE "booking"."time_off"`);
    await runner.query(`DROP TABLE "booking"."availability"`);
    await runner.query(`DROP TABLE "booking"."offerings"`);
    await runner.query(`DROP TABLE "booking"."counselors"`);
  }
}
