import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import { loadConfig } from '@haven/infrastructure';
import { startServiceApp } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrivateSandbox } from '../../../../tests/support/razorpay-sandbox';
import { BookingModule } from '../booking.module';
import { BookingConfig } from '../config/booking.config';
import {
  DAILY_RECONCILIATION_SCHEDULE,
  DAILY_RECONCILIATION_SCHEDULER,
  FinanceQueue,
  JOB_DAILY_RECONCILIATION,
} from './finance-queue';
import { previousIstDay } from './finance-period';
import { randomUUID } from 'node:crypto';
import { BookingEntity } from '../bookings/booking.entity';
import { PaymentEntity } from '../payments/payment.entity';
import type { RazorpayRefund } from '../payments/razorpay/razorpay-types';
import { RefundsService } from '../payments/refunds.service';
import { RECONCILIATION_STALL_AFTER_SECONDS, ReconciliationService } from './reconciliation/reconciliation.service';

/** The booking service's finance jobs against real Redis, PostgreSQL and a sandbox of their own. */
let app: INestApplication;
let config: BookingConfig;
let sandbox: PrivateSandbox;
let pool: Pool;
let vhost: { url: string; remove(): Promise<void> };

const databaseUrl = `${inject('databaseUrl')}_finance`;

beforeAll(async () => {
  await ensureDatabaseExists(databaseUrl);
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    // A prefix of its own: the job scheduler it checks is the only one there.
    REDIS_PREFIX: `${inject('redisPrefix')}-finance`,
  };
  sandbox = await PrivateSandbox.start(env, 'http://127.0.0.1:9/webhooks');
  vhost = await createEmptyVhost('finance');
  config = loadConfig(BookingConfig, { ...env, RABBITMQ_URL: vhost.url, RAZORPAY_API_URL: sandbox.url });
  app = await startServiceApp(BookingModule.register(config), {
    service: 'booking',
    consumesEvents: true,
    rabbitmqUrl: config.RABBITMQ_URL,
    logLevel: 'warn',
  });
  pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await app?.close();
  await sandbox?.stop();
  await pool?.end();
  await vhost?.remove();
  await dropDatabase(databaseUrl);
});

async function completedEvents(reconciliationId: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM booking.outbox
      WHERE envelope->>'type' = 'reconciliation.completed' AND envelope->'data'->>'reconciliationId' = $1`,
    [reconciliationId],
  );
  return rows[0].n as number;
}

describe('daily reconciliation', () => {
  it('is one job scheduler at 02:00 Asia/Kolkata, however many replicas upsert it', async () => {
    const queue = app.get(FinanceQueue).queue;
    const replica = new FinanceQueue(config);
    try {
      await replica.scheduleDaily();
      await app.get(FinanceQueue).scheduleDaily();
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({
        key: DAILY_RECONCILIATION_SCHEDULER,
        name: JOB_DAILY_RECONCILIATION,
        pattern: DAILY_RECONCILIATION_SCHEDULE.pattern,
        tz: 'Asia/Kolkata',
      });
      // 02:00 IST is 20:30 UTC.
      const next = new Date(schedulers[0].next!);
      expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([20, 30]);
    } finally {
      await replica.onApplicationShutdown();
    }
  });

  it('reconciles the previous IST day once, even when two replicas fire together', async () => {
    const reconciliations = app.get(ReconciliationService);
    const firedAt = new Date('2021-03-04T20:30:05Z');
    const [first, second] = await Promise.all([reconciliations.openDaily(firedAt), reconciliations.openDaily(firedAt)]);
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    await Promise.all([reconciliations.run(first!), reconciliations.run(first!)]);
    const done = await reconciliations.get(first!);
    expect(done).toMatchObject({
      status: 'done',
      trigger: 'daily',
      from: '2021-03-03T18:30:00.000Z',
      to: '2021-03-04T18:30:00.000Z',
      summary: { matched: 0, amountMismatch: 0, missingAtProvider: 0, missingInLedger: 0, statusMismatch: 0 },
    });
    expect(await completedEvents(first!)).toBe(1);
    expect(await reconciliations.openDaily(firedAt)).toBeNull();
  });

  it('the scheduled job runs the reconciliation of yesterday (IST)', async () => {
    await app.get(FinanceQueue).queue.add(JOB_DAILY_RECONCILIATION, {});
    const yesterday = previousIstDay(new Date());
    const row = await waitFor(
      async () => {
        const { rows } = await pool.query(
          `SELECT id, status FROM booking.reconciliations WHERE trigger = 'daily' AND period_from = $1`,
          [yesterday.from],
        );
        return rows[0]?.status === 'done' ? (rows[0] as { id: string }) : undefined;
      },
      { what: 'the daily reconciliation to finish', timeoutMs: 20_000 },
    );
    expect(await completedEvents(row.id)).toBe(1);
  });
});

describe('finance under faults', () => {
  it('a manual reconciliation whose job Redis lost is queued again by maintenance and finishes', async () => {
    const reconciliations = app.get(ReconciliationService);
    const [{ id }] = (
      await pool.query(
        `INSERT INTO booking.reconciliations (period_from, period_to, status, trigger, created_at)
         VALUES ('2021-05-01T00:00:00Z', '2021-05-02T00:00:00Z', 'running', 'manual', now() - make_interval(secs => $1))
         RETURNING id`,
        [RECONCILIATION_STALL_AFTER_SECONDS + 60],
      )
    ).rows as { id: string }[];
    // No job exists for it: as if finance started it just before Redis restarted.
    expect(await app.get(FinanceQueue).reconcileJob(id)).toBeUndefined();

    expect(await reconciliations.resumeStalled()).toBeGreaterThanOrEqual(1);
    const done = await waitFor(
      async () => {
        const view = await reconciliations.get(id);
        return view.status === 'running' ? undefined : view;
      },
      { what: 'the resumed reconciliation to finish', timeoutMs: 20_000 },
    );
    expect(done.status).toBe('done');
    expect(await completedEvents(id)).toBe(1);
  });

  it('a refund Razorpay finally failed is taken back out of the ledger: nothing owed, commission and payable restored', async () => {
    const dataSource = app.get<DataSource>(getDataSourceToken('booking'));
    const refunds = app.get(RefundsService);
    const bookingId = randomUUID();
    await pool.query(
      `INSERT INTO booking.bookings (id, client_id, counselor_id, offering_id, mode, starts_at, ends_at, status, price_paise,
                                     cancelled_by, cancelled_at, confirmed_at)
       VALUES ($1, $2, $3, $4, 'video', '2021-06-01T10:00:00Z', '2021-06-01T10:50:00Z', 'cancelled', 150000,
               'client', now(), now())`,
      [bookingId, randomUUID(), randomUUID(), randomUUID()],
    );
    await pool.query(
      `INSERT INTO booking.payments (booking_id, razorpay_order_id, razorpay_payment_id, amount_paise, captured_at)
       VALUES ($1, $2, $3, 150000, now())`,
      [bookingId, `order_${bookingId.slice(0, 8)}`, `pay_${bookingId.slice(0, 8)}`],
    );
    const balances = async () =>
      Object.fromEntries(
        (
          await pool.query(
            `SELECT account, sum(credit_paise - debit_paise)::int AS balance FROM booking.ledger_entries
              WHERE booking_id = $1 GROUP BY account`,
            [bookingId],
          )
        ).rows.map((row: { account: string; balance: number }) => [row.account, row.balance]),
      );
    const refund = await dataSource.transaction(async (manager) =>
      refunds.decide(
        manager,
        await manager.findOneByOrFail(BookingEntity, { id: bookingId }),
        await manager.findOneByOrFail(PaymentEntity, { bookingId }),
        150000,
        'cancelled by the client',
      ),
    );
    expect((await balances())['refunds-payable']).toBe(150000);

    const failed = { id: `rfnd_${bookingId.slice(0, 8)}`, status: 'failed', notes: { refund_id: refund.id } };
    await refunds.applyRazorpayRefund(failed as unknown as RazorpayRefund);
    // Razorpay saying it again (a webhook and a poll) reverses nothing twice.
    await refunds.applyRazorpayRefund(failed as unknown as RazorpayRefund);

    expect(await balances()).toEqual({ 'counselor-payable': 0, 'platform-commission': 0, 'refunds-payable': 0 });
    const { rows } = await pool.query(`SELECT status FROM booking.refunds WHERE id = $1`, [refund.id]);
    expect(rows[0].status).toBe('failed');
    const unbalanced = await pool.query(
      `SELECT transaction_id FROM booking.ledger_entries WHERE booking_id = $1
        GROUP BY transaction_id HAVING sum(debit_paise) <> sum(credit_paise)`,
      [bookingId],
    );
    expect(unbalanced.rows).toHaveLength(0);
  });
});
