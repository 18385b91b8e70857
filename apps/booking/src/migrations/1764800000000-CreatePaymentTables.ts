import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings with money: the Razorpay order of a hold, captured payments, refunds, the double-entry
 * ledger, stored Razorpay webhook events and Idempotency-Key responses. Also the names a booking
 * event carries (offering title, counselor display name) so notifications need not ask back.
 */
export class CreatePaymentTables1764800000000 implements MigrationInterface {
  name = 'CreatePaymentTables1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "booking"."counselors" ADD COLUMN "display_name" text`);
    await runner.query(`
      ALTER TABLE "booking"."bookings"
        ADD COLUMN "offering_title" text NOT NULL DEFAULT '',
        ADD COLUMN "counselor_name" text NOT NULL DEFAULT '',
        ADD COLUMN "razorpay_order_id" text UNIQUE`);
    await runner.query(
      `CREATE INDEX "bookings_pending_expiry_idx" ON "booking"."bookings" ("expires_at") WHERE "status" = 'pending_payment'`,
    );
    await runner.query(
      `CREATE INDEX "bookings_confirmed_end_idx" ON "booking"."bookings" ("ends_at") WHERE "status" = 'confirmed'`,
    );

    await runner.query(`
      CREATE TABLE "booking"."payments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "booking_id" uuid NOT NULL REFERENCES "booking"."bookings" ("id"),
        "razorpay_order_id" text NOT NULL,
        "razorpay_payment_id" text NOT NULL UNIQUE,
        "amount_paise" bigint NOT NULL CHECK ("amount_paise" > 0),
        "currency" text NOT NULL DEFAULT 'INR',
        "refunded_paise" bigint NOT NULL DEFAULT 0 CHECK ("refunded_paise" >= 0 AND "refunded_paise" <= "amount_paise"),
        "captured_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "payments_booking_idx" ON "booking"."payments" ("booking_id")`);

    await runner.query(`
      CREATE TABLE "booking"."refunds" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "booking_id" uuid NOT NULL REFERENCES "booking"."bookings" ("id"),
        -- One refund per payment: a cancellation or a late payment refunds once.
        "payment_id" uuid NOT NULL UNIQUE REFERENCES "booking"."payments" ("id"),
        "amount_paise" bigint NOT NULL CHECK ("amount_paise" > 0),
        "status" text NOT NULL CHECK ("status" IN ('pending', 'processed', 'failed')),
        "reason" text NOT NULL,
        "razorpay_refund_id" text UNIQUE,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "processed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "refunds_pending_idx" ON "booking"."refunds" ("created_at") WHERE "status" = 'pending'`,
    );

    await runner.query(`
      CREATE TABLE "booking"."ledger_entries" (
        "id" bigserial PRIMARY KEY,
        -- Entries of one transaction share it; their debits equal their credits.
        "transaction_id" uuid NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "account" text NOT NULL,
        "debit_paise" bigint NOT NULL DEFAULT 0 CHECK ("debit_paise" >= 0),
        "credit_paise" bigint NOT NULL DEFAULT 0 CHECK ("credit_paise" >= 0),
        "booking_id" uuid,
        "payment_id" uuid,
        "refund_id" uuid,
        "memo" text NOT NULL,
        CONSTRAINT "ledger_one_side" CHECK (("debit_paise" = 0) <> ("credit_paise" = 0))
      )`);
    await runner.query(`CREATE INDEX "ledger_at_idx" ON "booking"."ledger_entries" ("at")`);
    await runner.query(`CREATE INDEX "ledger_booking_idx" ON "booking"."ledger_entries" ("booking_id")`);

    await runner.query(`
      CREATE TABLE "booking"."razorpay_webhook_events" (
        "event_id" text PRIMARY KEY,
        "event" text NOT NULL,
        "payload" jsonb NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "processed_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text
      )`);
    await runner.query(
      `CREATE INDEX "webhook_events_unprocessed_idx" ON "booking"."razorpay_webhook_events" ("received_at") WHERE "processed_at" IS NULL`,
    );

    await runner.query(`
      CREATE TABLE "booking"."idempotency_keys" (
        "user_id" uuid NOT NULL,
        "key" text NOT NULL,
        -- sha256 of the operation and its body: the same key with another body is refused.
        "request_hash" text NOT NULL,
        -- {"ok": <body>} or {"error": <domain error>}; null while the first request runs.
        "response" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        PRIMARY KEY ("user_id", "key")
      )`);
    await runner.query(`CREATE INDEX "idempotency_keys_expiry_idx" ON "booking"."idempotency_keys" ("expires_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "booking"."idempotency_keys"`);
    await runner.query(`DROP TABLE "booking"."razorpay_webhook_events"`);
    await runner.query(`DROP TABLE "booking"."ledger_entries"`);
    await runner.query(`DROP TABLE "booking"."refunds"`);
    await runner.query(`DROP TABLE "booking"."payments"`);
    await runner.query(`DROP INDEX "booking"."bookings_confirmed_end_idx"`);
    await runner.query(`DROP INDEX "booking"."bookings_pending_expiry_idx"`);
    await runner.query(`
      ALTER TABLE "booking"."bookings"
        DROP COLUMN "razorpay_order_id", DROP COLUMN "counselor_name", DROP COLUMN "offering_title"`);
    await runner.query(`ALTER TABLE "booking"."counselors" DROP COLUMN "display_name"`);
  }
}
