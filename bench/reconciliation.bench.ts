/**
 * Reconciling a month of 50,000 captured payments (and 5,000 refunds) against the Razorpay
 * sandbox, through the SDK, as the daily/manual job does: both sides gathered, matched, the items
 * stored and the CSV written. Prints payments per second and the peak memory of the process (which
 * also runs the sandbox, so it is an upper bound).
 *
 * Run: `npm run bench:reconciliation` (BENCH_PAYMENTS=5000 for a quick run). Needs PostgreSQL
 * (DATABASE_URL, default local); it works in a database of its own and drops it afterwards.
 */
import { loadConfig } from '@haven/infrastructure';
import { dropDatabase, ensureDatabaseExists, migrateSchema } from '@haven/database';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { BOOKING_MIGRATIONS } from '../apps/booking/src/booking.schema';
import { parseMonthPeriod } from '../apps/booking/src/finance/finance-period';
import { Reconciler } from '../apps/booking/src/finance/reconciliation/reconciler';
import { reconciliationCsv } from '../apps/booking/src/finance/reconciliation/reconciliation-csv';
import { summarize } from '../apps/booking/src/finance/reconciliation/reconciliation-matching';
import { insertItems } from '../apps/booking/src/finance/reconciliation/reconciliation.service';
import { createRazorpaySandboxApp } from '../apps/razorpay-sandbox/src/bootstrap';
import { RazorpaySandboxConfig } from '../apps/razorpay-sandbox/src/config/razorpay-sandbox.config';
import { sandboxAdapter } from '../tests/support/razorpay-sandbox';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 50_000);
const MONTH = parseMonthPeriod('2026-11');

let databaseUrl: string;
let booking: DataSource;
let sandbox: INestApplication;
let sandboxUrl: string;

beforeAll(async () => {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/haven');
  base.pathname = `/haven_bench_recon_${randomBytes(4).toString('hex')}`;
  databaseUrl = base.toString();
  await ensureDatabaseExists(databaseUrl);
  booking = await new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema: 'booking',
    migrations: BOOKING_MIGRATIONS,
    migrationsTableName: 'migrations',
  }).initialize();
  await migrateSchema(booking, 'booking');
  sandbox = await createRazorpaySandboxApp(
    loadConfig(RazorpaySandboxConfig, {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'error',
      RAZORPAY_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/webhooks',
    }),
  );
  await sandbox.listen(0, '127.0.0.1');
  sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as { port: number }).port}`;
  const started = performance.now();
  await seed();
  console.log(`seeded ${PAYMENTS} payments on both sides in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
  await sandbox?.close();
  await booking?.destroy();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe('reconciliation', () => {
  bench(
    `a month of ${PAYMENTS} payments against the sandbox`,
    async () => {
      const peak = watchMemory();
      const started = performance.now();
      const items = await new Reconciler(booking, sandboxAdapter(sandboxUrl, { timeoutMs: 60_000 })).reconcile(MONTH);
      const matchedAt = performance.now();
      await booking.transaction(async (manager) => {
        const [{ id }]: { id: string }[] = await manager.query(
          `INSERT INTO booking.reconciliations (period_from, period_to, status, trigger)
           VALUES ($1, $2, 'done', 'manual') RETURNING id`,
          [MONTH.from, MONTH.to],
        );
        await insertItems(manager, id, items);
      });
      const csv = reconciliationCsv(items);
      const seconds = (performance.now() - started) / 1000;
      const memory = peak.stop();
      console.log(
        [
          `reconciled ${PAYMENTS} payments in ${seconds.toFixed(1)} s: ${Math.round(PAYMENTS / seconds)} payments/s`,
          `(gather + match ${((matchedAt - started) / 1000).toFixed(1)} s, store + CSV ${((performance.now() - matchedAt) / 1000).toFixed(1)} s, CSV ${(csv.length / 1e6).toFixed(1)} MB)`,
          `peak memory: rss ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)} MB`,
          `summary: ${JSON.stringify(summarize(items))}`,
        ].join('\n'),
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});

/**
 * Both sides of a month, in bulk SQL: one booking, payment and capture posting per payment; every
 * 10th refunded (half of them in part) with its postings; Razorpay's orders, payments (with fees)
 * and refunds to match. Ten discrepancies are planted: five amounts Razorpay has differently, five
 * captures the ledger never heard of.
 */
async function seed(): Promise<void> {
  const spacing = (MONTH.to.getTime() - MONTH.from.getTime()) / (PAYMENTS + 1);
  const params = [MONTH.from, spacing, PAYMENTS];
  const series = `
    SELECT i, $1::timestamptz + make_interval(secs => i * $2::float8 / 1000) AS at,
           (10000 + (i % 7) * 1000)::bigint AS amount,
           CASE WHEN i % 20 = 0 THEN (10000 + (i % 7) * 1000) / 2 WHEN i % 20 = 10 THEN 10000 + (i % 7) * 1000 ELSE 0 END::bigint AS refund,
           i % 10000 = 2 AS lost, i % 10000 = 1 AS mismatched
      FROM generate_series(1, $3::int) i`;
  await booking.query(
    `INSERT INTO booking.bookings (id, client_id, counselor_id, offering_id, mode, starts_at, ends_at, blocked_until,
                                   status, price_paise, razorpay_order_id)
     SELECT md5('b' || i)::uuid, md5('c' || i % 5000)::uuid, md5('k' || i % 200)::uuid, md5('o' || i % 200)::uuid,
            'video', at + interval '1 day', at + interval '1 day 50 minutes', at + interval '1 day 50 minutes',
            'completed', amount, 'order_B' || i
       FROM (${series}) s`,
    params,
  );
  await booking.query(
    `INSERT INTO booking.payments (id, booking_id, razorpay_order_id, razorpay_payment_id, amount_paise, refunded_paise, captured_at)
     SELECT md5('p' || i)::uuid, md5('b' || i)::uuid, 'order_B' || i, 'pay_B' || i, amount, refund, at
       FROM (${series}) s WHERE NOT lost`,
    params,
  );
  await booking.query(
    `INSERT INTO booking.ledger_entries (transaction_id, at, account, debit_paise, credit_paise, booking_id, payment_id, memo)
     SELECT md5('t' || i)::uuid, at, e.account, e.debit, e.credit, md5('b' || i)::uuid, md5('p' || i)::uuid, 'captured'
       FROM (${series}) s,
            LATERAL (VALUES ('razorpay-clearing', amount, 0::bigint),
                            ('counselor-payable', 0::bigint, amount - round(amount * 0.2)::bigint),
                            ('platform-commission', 0::bigint, round(amount * 0.2)::bigint)) e(account, debit, credit)
      WHERE NOT lost`,
    params,
  );
  await booking.query(
    `INSERT INTO booking.refunds (id, booking_id, payment_id, amount_paise, status, reason, razorpay_refund_id, created_at, processed_at)
     SELECT md5('r' || i)::uuid, md5('b' || i)::uuid, md5('p' || i)::uuid, refund, 'processed', 'bench',
            'rfnd_B' || i, at + interval '1 hour', at + interval '2 hours'
       FROM (${series}) s WHERE refund > 0 AND NOT lost`,
    params,
  );
  await booking.query(
    `INSERT INTO booking.ledger_entries (transaction_id, at, account, debit_paise, credit_paise, booking_id, payment_id, refund_id, memo)
     SELECT md5('d' || i)::uuid, at + interval '1 hour', e.account, e.debit, e.credit, md5('b' || i)::uuid,
            md5('p' || i)::uuid, md5('r' || i)::uuid, 'refund decided'
       FROM (${series}) s,
            LATERAL (VALUES ('counselor-payable', refund, 0::bigint), ('refunds-payable', 0::bigint, refund)) e(account, debit, credit)
      WHERE refund > 0 AND NOT lost`,
    params,
  );
  await booking.query(
    `INSERT INTO razorpay_sandbox.orders (id, amount, amount_paid, currency, receipt, notes, status, attempts, created_at)
     SELECT 'order_B' || i, amount, amount, 'INR', md5('b' || i)::uuid::text, '{}', 'paid', 1, at FROM (${series}) s`,
    params,
  );
  await booking.query(
    `INSERT INTO razorpay_sandbox.payments (id, order_id, amount, currency, status, method, captured, amount_refunded,
                                            refund_status, fee, tax, email, contact, vpa, notes, created_at, captured_at)
     SELECT 'pay_B' || i, 'order_B' || i, charged, 'INR', CASE WHEN refund = amount THEN 'refunded' ELSE 'captured' END,
            'upi', true, refund, CASE WHEN refund = 0 THEN NULL WHEN refund = amount THEN 'full' ELSE 'partial' END,
            round(charged * 0.02) + round(round(charged * 0.02) * 0.18), round(round(charged * 0.02) * 0.18),
            'customer@sandbox.razorpay.test', '+919000090000', 'success@razorpay', '{}', at, at
       FROM (SELECT *, amount + CASE WHEN mismatched THEN 100 ELSE 0 END AS charged FROM (${series}) s) s`,
    params,
  );
  await booking.query(
    `INSERT INTO razorpay_sandbox.refunds (id, payment_id, amount, currency, notes, status, speed_requested, speed_processed,
                                           created_at, process_at, processed_at)
     SELECT 'rfnd_B' || i, 'pay_B' || i, refund, 'INR', '{}', 'processed', 'normal', 'normal',
            at + interval '1 hour', at + interval '2 hours', at + interval '2 hours'
       FROM (${series}) s WHERE refund > 0 AND NOT lost`,
    params,
  );
  await booking.query('ANALYZE');
}

function watchMemory() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
