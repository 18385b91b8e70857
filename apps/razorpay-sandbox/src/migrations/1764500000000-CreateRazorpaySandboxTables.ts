import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders, payments, refunds, settlements, the webhook queue and the injected faults of the Razorpay sandbox. */
export class CreateRazorpaySandboxTables1764500000000 implements MigrationInterface {
  name = 'CreateRazorpaySandboxTables1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."settlements" (
        "id" text PRIMARY KEY,
        "amount" bigint NOT NULL,
        "utr" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."orders" (
        "id" text PRIMARY KEY,
        "amount" bigint NOT NULL CHECK ("amount" >= 100),
        "amount_paid" bigint NOT NULL DEFAULT 0,
        "currency" text NOT NULL,
        "receipt" text,
        "notes" jsonb NOT NULL,
        "partial_payment" boolean NOT NULL DEFAULT false,
        "status" text NOT NULL CHECK ("status" IN ('created', 'attempted', 'paid')),
        "attempts" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "orders_created_at" ON "razorpay_sandbox"."orders" ("created_at")`);
    await runner.query(`CREATE INDEX "orders_receipt" ON "razorpay_sandbox"."orders" ("receipt")`);
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."payments" (
        "id" text PRIMARY KEY,
        "order_id" text NOT NULL REFERENCES "razorpay_sandbox"."orders" ("id"),
        "amount" bigint NOT NULL,
        "currency" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('created', 'authorized', 'captured', 'refunded', 'failed')),
        "method" text NOT NULL,
        "captured" boolean NOT NULL DEFAULT false,
        "amount_refunded" bigint NOT NULL DEFAULT 0,
        "refund_status" text CHECK ("refund_status" IN ('partial', 'full')),
        "fee" bigint,
        "tax" bigint,
        "email" text NOT NULL,
        "contact" text NOT NULL,
        "vpa" text,
        "error_code" text,
        "error_description" text,
        "error_source" text,
        "error_step" text,
        "error_reason" text,
        "notes" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "captured_at" timestamptz,
        "settlement_id" text REFERENCES "razorpay_sandbox"."settlements" ("id")
      )`);
    await runner.query(`CREATE INDEX "payments_order_id" ON "razorpay_sandbox"."payments" ("order_id")`);
    await runner.query(`CREATE INDEX "payments_created_at" ON "razorpay_sandbox"."payments" ("created_at")`);
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."refunds" (
        "id" text PRIMARY KEY,
        "payment_id" text NOT NULL REFERENCES "razorpay_sandbox"."payments" ("id"),
        "amount" bigint NOT NULL CHECK ("amount" >= 100),
        "currency" text NOT NULL,
        "notes" jsonb NOT NULL,
        "receipt" text,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'processed', 'failed')),
        "speed_requested" text NOT NULL,
        "speed_processed" text,
        "arn" text,
        -- X-Refund-Idempotency: the same key with the same request returns this refund again.
        "idempotency_key" text UNIQUE,
        "request_fingerprint" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "process_at" timestamptz NOT NULL,
        "processed_at" timestamptz,
        "settlement_id" text REFERENCES "razorpay_sandbox"."settlements" ("id")
      )`);
    await runner.query(`CREATE INDEX "refunds_payment_id" ON "razorpay_sandbox"."refunds" ("payment_id")`);
    await runner.query(`CREATE INDEX "refunds_created_at" ON "razorpay_sandbox"."refunds" ("created_at")`);
    await runner.query(
      `CREATE INDEX "refunds_due" ON "razorpay_sandbox"."refunds" ("process_at") WHERE "status" = 'pending'`,
    );
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."webhook_events" (
        "id" text PRIMARY KEY,
        "event" text NOT NULL,
        -- The exact bytes sent and their signature, so every retry of the event is identical.
        "body" text NOT NULL,
        "signature" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."webhook_deliveries" (
        "id" bigserial PRIMARY KEY,
        "event_id" text NOT NULL REFERENCES "razorpay_sandbox"."webhook_events" ("id"),
        "url" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('pending', 'delivered', 'failed', 'dropped')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "give_up_at" timestamptz NOT NULL,
        "last_error" text,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "webhook_deliveries_due" ON "razorpay_sandbox"."webhook_deliveries" ("next_attempt_at", "id")
         WHERE "status" = 'pending'`,
    );
    await runner.query(`
      CREATE TABLE "razorpay_sandbox"."faults" (
        "id" integer PRIMARY KEY CHECK ("id" = 1),
        "webhook_duplicates" integer NOT NULL DEFAULT 0,
        "webhook_delay_ms" integer NOT NULL DEFAULT 0,
        "webhook_shuffle" boolean NOT NULL DEFAULT false,
        "webhook_drop" boolean NOT NULL DEFAULT false,
        "api_fail_next" integer NOT NULL DEFAULT 0
      )`);
    await runner.query(`INSERT INTO "razorpay_sandbox"."faults" ("id") VALUES (1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'faults',
      'webhook_deliveries',
      'webhook_events',
      'refunds',
      'payments',
      'orders',
      'settlements',
    ]) {
      await runner.query(`DROP TABLE "razorpay_sandbox"."${table}"`);
    }
  }
}
