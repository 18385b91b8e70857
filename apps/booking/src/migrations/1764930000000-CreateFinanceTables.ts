import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance: reconciliation runs with one item per match or discrepancy, and counselor payouts
 * (posted to the ledger, so ledger entries may now name a payout instead of a booking).
 */
export class CreateFinanceTables1764930000000 implements MigrationInterface {
  name = 'CreateFinanceTables1764930000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "booking"."reconciliations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "period_from" timestamptz NOT NULL,
        "period_to" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('running', 'done', 'failed')),
        "trigger" text NOT NULL CHECK ("trigger" IN ('manual', 'daily')),
        "requested_by" uuid,
        "summary" jsonb NOT NULL DEFAULT '{"matched":0,"amountMismatch":0,"missingAtProvider":0,"missingInLedger":0,"statusMismatch":0}',
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "reconciliation_period" CHECK ("period_from" < "period_to")
      )`);
    await runner.query(`CREATE INDEX "reconciliations_created_idx" ON "booking"."reconciliations" ("created_at" DESC)`);
    // One daily run per period, however many replicas' schedulers fire.
    await runner.query(
      `CREATE UNIQUE INDEX "reconciliations_daily_once" ON "booking"."reconciliations" ("period_from") WHERE "trigger" = 'daily'`,
    );

    await runner.query(`
      CREATE TABLE "booking"."reconciliation_items" (
        "id" bigserial PRIMARY KEY,
        "reconciliation_id" uuid NOT NULL REFERENCES "booking"."reconciliations" ("id") ON DELETE CASCADE,
        "kind" text NOT NULL CHECK ("kind" IN ('matched', 'amountMismatch', 'missingAtProvider', 'missingInLedger', 'statusMismatch')),
        "entity" text NOT NULL CHECK ("entity" IN ('payment', 'refund')),
        "razorpay_payment_id" text,
        "razorpay_refund_id" text,
        "booking_id" uuid,
        "payment_id" uuid,
        "refund_id" uuid,
        "ledger_paise" bigint,
        "provider_paise" bigint,
        "ledger_status" text,
        "provider_status" text,
        "settlement_id" text,
        "note" text NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX "reconciliation_items_run_idx" ON "booking"."reconciliation_items" ("reconciliation_id", "kind")`,
    );

    await runner.query(`
      CREATE TABLE "booking"."payouts" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "counselor_id" uuid NOT NULL,
        -- The IST month paid for, YYYY-MM.
        "period" text NOT NULL CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        "amount_paise" bigint NOT NULL CHECK ("amount_paise" > 0),
        "currency" text NOT NULL DEFAULT 'INR',
        -- The bank transfer's reference: one payout per reference.
        "reference" text NOT NULL UNIQUE,
        "recorded_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "payouts_period_idx" ON "booking"."payouts" ("period", "counselor_id")`);

    await runner.query(`ALTER TABLE "booking"."ledger_entries" ADD COLUMN "payout_id" uuid`);
    await runner.query(`CREATE INDEX "ledger_account_at_idx" ON "booking"."ledger_entries" ("account", "at")`);
    await runner.query(`CREATE INDEX "payments_captured_idx" ON "booking"."payments" ("captured_at")`);
    await runner.query(`CREATE INDEX "refunds_created_idx" ON "booking"."refunds" ("created_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "booking"."refunds_created_idx"`);
    await runner.query(`DROP INDEX "booking"."payments_captured_idx"`);
    await runner.query(`DROP INDEX "booking"."ledger_account_at_idx"`);
    await runner.query(`ALTER TABLE "booking"."ledger_entries" DROP COLUMN "payout_id"`);
    await runner.query(`DROP TABLE "booking"."payouts"`);
    await runner.query(`DROP TABLE "booking"."reconciliation_items"`);
    await runner.query(`DROP TABLE "booking"."reconciliations"`);
  }
}
