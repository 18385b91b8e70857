import { SERVICE_NAMES } from '@haven/contracts';
import { connect } from 'amqplib';
import { Queue } from 'bullmq';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { redisConnection } from '../../apps/booking/src/jobs/booking-queue';
import { reminderJobId } from '../../apps/notifications/src/reminders/reminder-schedule';
import { deadLetterQueue } from '@haven/messaging';
import type { CallRecord } from './http';
import type { GatewayClient } from './http';
import type { Client } from './load';

export interface InvariantResult {
  name: string;
  /** What was checked (bookings, payments, calls ...). */
  checked: number;
  violations: number;
  examples: string[];
}

export interface OutageWindow {
  what: string;
  start: number;
  end: number;
}

/** After an outage ends, requests that were already waiting may still fail this long after. */
export const OUTAGE_GRACE_MS = 20_000;

function result(name: string, checked: number, problems: string[]): InvariantResult {
  return { name, checked, violations: problems.length, examples: problems.slice(0, 3) };
}

async function rows<T>(db: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

export async function noOverlappingBookings(db: Pool): Promise<InvariantResult> {
  const [{ count }] = await rows<{ count: number }>(
    db,
    `SELECT count(*)::int AS count FROM booking.bookings WHERE status IN ('pending_payment', 'confirmed')`,
  );
  const overlaps = await rows<{ a: string; b: string }>(
    db,
    `SELECT a.id AS a, b.id AS b FROM booking.bookings a JOIN booking.bookings b
        ON a.counselor_id = b.counselor_id AND a.id < b.id
       AND tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(b.starts_at, b.blocked_until, '[)')
     WHERE a.status IN ('pending_payment', 'confirmed') AND b.status IN ('pending_payment', 'confirmed')`,
  );
  return result(
    'no overlapping held/confirmed bookings',
    count,
    overlaps.map((o) => `${o.a} overlaps ${o.b}`),
  );
}

export async function capturesAccountedFor(db: Pool): Promise<InvariantResult> {
  // A client who cancels less than BOOKING_PARTIAL_REFUND_HOURS (2 h) before the start gets nothing
  // back by policy: that capture belonged to a confirmed booking and rightly stays.
  const captures = await rows<{
    id: string;
    booking_status: string | null;
    refunded: boolean;
    known: boolean;
    kept: boolean;
  }>(
    db,
    `SELECT sp.id, b.status AS booking_status, p.id IS NOT NULL AS known,
            (r.id IS NOT NULL OR sp.amount_refunded > 0) AS refunded,
            (b.status = 'cancelled' AND b.confirmed_at IS NOT NULL AND b.cancelled_by = 'client'
              AND b.cancelled_at > b.starts_at - interval '2 hours') AS kept
       FROM razorpay_sandbox.payments sp
       LEFT JOIN booking.payments p ON p.razorpay_payment_id = sp.id
       LEFT JOIN booking.bookings b ON b.id = p.booking_id
       LEFT JOIN booking.refunds r ON r.payment_id = p.id
      WHERE sp.captured`,
  );
  const problems = captures
    .filter((c) => !c.refunded && !c.kept && !['confirmed', 'completed', 'no_show'].includes(c.booking_status ?? ''))
    .map((c) =>
      c.known ? `${c.id} captured for a ${c.booking_status} booking, not refunded` : `${c.id} unknown to the platform`,
    );
  return result('every capture: confirmed booking or refunded', captures.length, problems);
}

export async function confirmedHavePayments(db: Pool): Promise<InvariantResult> {
  const confirmed = await rows<{ id: string; paid: boolean }>(
    db,
    `SELECT b.id, EXISTS (SELECT 1 FROM booking.payments p WHERE p.booking_id = b.id) AS paid
       FROM booking.bookings b WHERE b.status IN ('confirmed', 'completed') AND b.price_paise > 0`,
  );
  return result(
    'no paid booking confirmed without a capture',
    confirmed.length,
    confirmed.filter((b) => !b.paid).map((b) => `${b.id} confirmed with no payment`),
  );
}

export async function ledgerBalances(db: Pool): Promise<InvariantResult> {
  const unbalanced = await rows<{ transaction_id: string; debits: string; credits: string }>(
    db,
    `SELECT transaction_id, sum(debit_paise) AS debits, sum(credit_paise) AS credits
       FROM booking.ledger_entries GROUP BY transaction_id HAVING sum(debit_paise) <> sum(credit_paise)`,
  );
  const [{ transactions }] = await rows<{ transactions: number }>(
    db,
    `SELECT count(DISTINCT transaction_id)::int AS transactions FROM booking.ledger_entries`,
  );
  const [ledger] = await rows<{ clearing: string; refunds_payable: string }>(
    db,
    `SELECT coalesce(sum(debit_paise - credit_paise) FILTER (WHERE account = 'razorpay-clearing'), 0) AS clearing,
            coalesce(sum(credit_paise - debit_paise) FILTER (WHERE account = 'refunds-payable'), 0) AS refunds_payable
       FROM booking.ledger_entries`,
  );
  const [provider] = await rows<{ captured: string; refunded: string }>(
    db,
    `SELECT (SELECT coalesce(sum(amount), 0) FROM razorpay_sandbox.payments WHERE captured) AS captured,
            (SELECT coalesce(sum(amount), 0) FROM razorpay_sandbox.refunds WHERE status = 'processed') AS refunded`,
  );
  const problems = unbalanced.map((t) => `transaction ${t.transaction_id}: debits ${t.debits} ≠ credits ${t.credits}`);
  const expected = Number(provider.captured) - Number(provider.refunded);
  if (Number(ledger.clearing) !== expected) {
    problems.push(`razorpay-clearing ${ledger.clearing} ≠ sandbox captures − refunds ${expected}`);
  }
  if (Number(ledger.refunds_payable) !== 0) problems.push(`refunds-payable still owes ${ledger.refunds_payable}`);
  return result('ledger balances = sandbox captures − refunds', transactions, problems);
}

/**
 * What the outbox folder (one .eml file per mail handed over) and the workers' logs ("mail accepted"
 * once its sent record committed) say about the e-mail of each notification key.
 */
export class MailEvidence {
  private readonly files = new Map<string, number>();
  private readonly accepted = new Map<string, number>();
  /** Keys mailed a second time because the worker that mailed first died before recording it. */
  readonly resentAfterCrash: string[] = [];

  constructor(outboxDir: string, logsDir: string) {
    for (const file of readdirSync(outboxDir)) {
      const key = /^\d+-(.+)\.eml$/.exec(file)?.[1];
      if (key) this.files.set(key, (this.files.get(key) ?? 0) + 1);
    }
    for (const file of readdirSync(logsDir)) {
      for (const line of readFileSync(join(logsDir, file), 'utf8').split('\n')) {
        if (!line.includes('"mail accepted"')) continue;
        const key = /"notificationKey":"([^"]+)"/.exec(line)?.[1];
        if (key) this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
      }
    }
  }

  /**
   * What is wrong with the key's mail, or undefined when it went out once, or twice only because
   * the first worker was killed between the mail server's accept and its sent record: delivery is
   * at least once across a crash (the copy has the same Message-ID), never twice otherwise.
   */
  problem(key: string): string | undefined {
    const mailed = this.files.get(key.replace(/[^A-Za-z0-9.-]/g, '_')) ?? 0;
    const recorded = this.accepted.get(key) ?? 0;
    if (mailed === 1) return undefined;
    if (mailed === 2 && recorded === 1) {
      this.resentAfterCrash.push(key);
      return undefined;
    }
    return `${mailed} mails, ${recorded} recorded as sent`;
  }
}

export async function oneConfirmationEach(db: Pool, mails: MailEvidence): Promise<InvariantResult> {
  const expected = await rows<{ booking_id: string; user_id: string; messages: number; keys: string[] }>(
    db,
    `SELECT b.id AS booking_id, u.user_id, count(m.id)::int AS messages, array_remove(array_agg(m.notification_key), NULL) AS keys
       FROM booking.bookings b
       CROSS JOIN LATERAL (VALUES (b.client_id), (b.counselor_id)) AS u(user_id)
       LEFT JOIN notifications.messages m
         ON m.type = 'booking.confirmed' AND m.user_id = u.user_id AND m.data->>'bookingId' = b.id::text
      WHERE b.status IN ('confirmed', 'completed')
      GROUP BY b.id, u.user_id`,
  );
  const problems: string[] = [];
  for (const row of expected) {
    if (row.messages !== 1)
      problems.push(`booking ${row.booking_id}: ${row.messages} in-app confirmations for ${row.user_id}`);
    for (const key of row.keys) {
      const problem = mails.problem(key);
      if (problem) problems.push(`booking ${row.booking_id}: ${problem} of the confirmation for ${row.user_id}`);
    }
  }
  return result('one confirmation each (in-app + email)', expected.length, problems);
}

/**
 * Every reminder (client's and counselor's) that came due during the run, after its booking was
 * confirmed, went out once, in-app and by mail. With `requireSome`, a run in which none came due fails: it proved nothing.
 */
export async function dueRemindersFiredOnce(
  db: Pool,
  mails: MailEvidence,
  reminderOffsets: number[],
  checkedAt: number,
  requireSome: boolean,
): Promise<InvariantResult> {
  const bookings = await rows<{
    id: string;
    client_id: string;
    counselor_id: string;
    starts_at: Date;
    confirmed_at: Date;
  }>(
    db,
    `SELECT id, client_id, counselor_id, starts_at, confirmed_at FROM booking.bookings
      WHERE status = 'confirmed' AND rescheduled_from IS NULL AND confirmed_at IS NOT NULL`,
  );
  const problems: string[] = [];
  let due = 0;
  for (const booking of bookings) {
    for (const offsetMinutes of reminderOffsets) {
      const fireAt = booking.starts_at.getTime() - offsetMinutes * 60_000;
      // Due during the run: after the booking was confirmed, and long enough ago to have gone out.
      if (fireAt <= booking.confirmed_at.getTime() + 5_000 || fireAt > checkedAt - 15_000) continue;
      for (const userId of [booking.client_id, booking.counselor_id]) {
        due += 1;
        const key = reminderJobId({
          bookingId: booking.id,
          userId,
          offsetMinutes,
          startsAt: booking.starts_at.toISOString(),
        });
        const [{ count }] = await rows<{ count: number }>(
          db,
          `SELECT count(*)::int AS count FROM notifications.messages WHERE notification_key = $1`,
          [key],
        );
        const mailProblem = mails.problem(key);
        if (count !== 1 || mailProblem) problems.push(`${key}: ${count} in-app, ${mailProblem ?? 'mailed once'}`);
      }
    }
  }
  if (requireSome && due === 0) {
    problems.push(`no reminder came due during the run (${bookings.length} confirmed bookings): nothing was proved`);
  }
  return result('every due reminder fired exactly once', due, problems);
}

export async function outboxesDrained(db: Pool): Promise<InvariantResult> {
  const problems: string[] = [];
  let total = 0;
  for (const schema of SERVICE_NAMES) {
    const [counts] = await rows<{ total: number; unsent: number }>(
      db,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent FROM "${schema}".outbox`,
    );
    total += counts.total;
    if (counts.unsent > 0) problems.push(`${schema}: ${counts.unsent} outbox rows unsent`);
  }
  return result('no outbox row left unsent', total, problems);
}

/** Every dead-lettered message must have a logged reason: its event id next to a failure in some log. */
export async function deadLettersExplained(rabbitmqUrl: string, logsDir: string): Promise<InvariantResult> {
  const connection = await connect(rabbitmqUrl);
  const problems: string[] = [];
  let found = 0;
  try {
    const channel = await connection.createChannel();
    const logs = readdirSync(logsDir).map((file) => readFileSync(join(logsDir, file), 'utf8'));
    // The unrouted queue is not a dead-letter queue: it keeps events no service subscribes to.
    for (const queue of SERVICE_NAMES.map((service) => deadLetterQueue(service))) {
      for (;;) {
        const message = await channel.get(queue, { noAck: false });
        if (!message) break;
        found += 1;
        const id = (JSON.parse(message.content.toString()) as { data?: { id?: string } }).data?.id ?? '?';
        const explained = logs.some((log) =>
          log.split('\n').some((line) => line.includes(id) && /failed|dead-letter|rejected/i.test(line)),
        );
        if (!explained) problems.push(`${queue}: event ${id} without a logged reason`);
      }
    }
  } finally {
    // Unacked gets return to their queues when the connection closes.
    await connection.close();
  }
  return result('dead letters all have a logged reason', found, problems);
}

/** A job due this long and still waiting or active is stuck; a shorter wait is a job caught falling due. */
export const STUCK_AFTER_DUE_MS = 60_000;

export interface QueuedJobTimes {
  /** When the job was added (ms). */
  timestamp: number;
  /** Its delay (ms): from `timestamp` at first, from the failed attempt once it is retried with backoff. */
  delay?: number;
  /** When a worker last took it (ms), if one did. */
  processedOn?: number;
  /** Attempts that ended in a failure (a worker that died mid-job does not count). */
  attemptsMade?: number;
}

/**
 * Whether a waiting or active job is stuck at `now`: it has been held by a worker, or due, for more
 * than STUCK_AFTER_DUE_MS. A job waiting again fell due when its last attempt's backoff ended (after
 * a failure) or when that attempt's worker was lost (its lock lapsed); before any attempt, at its delay.
 */
export function isJobStuck(job: QueuedJobTimes, state: 'waiting' | 'active' | 'prioritized', now: number): boolean {
  const since =
    job.processedOn === undefined
      ? job.timestamp + (job.delay ?? 0)
      : state === 'active'
        ? job.processedOn
        : job.processedOn + ((job.attemptsMade ?? 0) > 0 ? (job.delay ?? 0) : 0);
  return now - since > STUCK_AFTER_DUE_MS;
}

export async function nothingStuck(db: Pool, redisUrl: string, redisPrefix: string): Promise<InvariantResult> {
  const problems: string[] = [];
  const [db_] = await rows<{ holds: number; refunds: number; webhooks: number; deliveries: number }>(
    db,
    `SELECT (SELECT count(*)::int FROM booking.bookings WHERE status = 'pending_payment' AND expires_at < now() - interval '30 seconds') AS holds,
            (SELECT count(*)::int FROM booking.refunds WHERE status = 'pending') AS refunds,
            (SELECT count(*)::int FROM booking.razorpay_webhook_events WHERE processed_at IS NULL) AS webhooks,
            (SELECT count(*)::int FROM notifications.deliveries d WHERE created_at < now() - interval '90 seconds'
              AND NOT EXISTS (SELECT 1 FROM notifications.delivery_outcomes o
                               WHERE o.notification_key = d.notification_key AND o.channel = d.channel)) AS deliveries`,
  );
  if (db_.holds > 0) problems.push(`${db_.holds} holds past expiry still pending_payment`);
  if (db_.deliveries > 0)
    problems.push(`${db_.deliveries} notifications decided over 90 s ago, neither sent nor skipped`);
  if (db_.refunds > 0) problems.push(`${db_.refunds} refunds still pending`);
  if (db_.webhooks > 0) problems.push(`${db_.webhooks} stored webhooks not acted on`);
  const queues = [
    { name: 'booking-jobs', prefix: `${redisPrefix}:bull` },
    ...[
      'notifications-email',
      'notifications-sms',
      'notifications-in-app',
      'notifications-reminders',
      'notifications-fan-out',
    ].map((name) => ({ name, prefix: redisPrefix })),
  ];
  const schedulers: Record<string, string> = {
    'booking-jobs': 'booking-maintenance',
    'notifications-reminders': 'reminder-sweep',
  };
  let jobs = 0;
  for (const { name, prefix } of queues) {
    const queue = new Queue(name, { connection: redisConnection(redisUrl), prefix });
    try {
      const scheduler = schedulers[name];
      if (scheduler && !(await queue.getJobScheduler(scheduler))) {
        problems.push(`${name}: the ${scheduler} job scheduler is gone (periodic work no longer runs)`);
      }
      const counts = await queue.getJobCounts('waiting', 'active', 'failed', 'delayed', 'completed', 'prioritized');
      jobs += Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (counts.failed > 0) problems.push(`${name}: ${counts.failed} failed`);
      const now = Date.now();
      for (const state of ['waiting', 'active', 'prioritized'] as const) {
        if (counts[state] === 0) continue;
        const stuck = (await queue.getJobs([state])).filter((job) => isJobStuck(job, state, now)).length;
        if (stuck > 0) problems.push(`${name}: ${stuck} ${state} for over ${STUCK_AFTER_DUE_MS / 1000} s since due`);
      }
    } finally {
      await queue.close();
    }
  }
  return result('no job, hold, refund, webhook or delivery stuck', jobs, problems);
}

/** 5xx only inside declared outage windows, and there only 503/504; no call hangs or is cut. */
export function httpBehaviour(calls: CallRecord[], windows: OutageWindow[]): InvariantResult[] {
  const inWindow = (call: CallRecord) =>
    windows.some(
      (window) => call.startedAt + call.ms >= window.start && call.startedAt <= window.end + OUTAGE_GRACE_MS,
    );
  const fiveXx = calls.filter((call) => typeof call.outcome === 'number' && call.outcome >= 500);
  const outside = fiveXx.filter((call) => !inWindow(call) || ![503, 504].includes(call.outcome as number));
  const hangs = calls.filter((call) => call.outcome === 'hang');
  const cut = calls.filter((call) => call.outcome === 'cut');
  const describe = (call: CallRecord) =>
    `${call.kind} → ${call.outcome} at +${((call.startedAt - (calls[0]?.startedAt ?? 0)) / 1000).toFixed(1)} s (gateway ${call.gateway + 1}, ${call.ms} ms)`;
  return [
    result('no 5xx outside outage windows (503/504 inside)', calls.length, outside.map(describe)),
    result('no request hangs (answer within 20 s)', calls.length, hangs.map(describe)),
    result('no request cut off (graceful gateway stop)', calls.length, cut.map(describe)),
  ];
}

/** What each client's booking list says over the API matches the database. */
export async function apiAgreesWithDatabase(db: Pool, api: GatewayClient, clients: Client[]): Promise<InvariantResult> {
  const problems: string[] = [];
  let checked = 0;
  for (const client of clients) {
    const stored = new Map(
      (
        await rows<{ id: string; status: string }>(db, `SELECT id, status FROM booking.bookings WHERE client_id = $1`, [
          client.id,
        ])
      ).map((row) => [row.id, row.status]),
    );
    const listed: { id: string; status: string }[] = [];
    for (let page = 1; ; page += 1) {
      const reply = await api.call<{ items: { id: string; status: string }[]; total: number }>(
        'check',
        'GET',
        `/bookings?role=client&limit=100&page=${page}`,
        { token: client.token },
      );
      if (reply.outcome !== 200) {
        problems.push(`${client.email}: GET /bookings answered ${String(reply.outcome)}`);
        break;
      }
      listed.push(...reply.body.items);
      if (listed.length >= reply.body.total || reply.body.items.length === 0) break;
    }
    checked += stored.size;
    if (listed.length !== stored.size)
      problems.push(`${client.email}: API lists ${listed.length}, database has ${stored.size}`);
    for (const booking of listed) {
      if (stored.get(booking.id) !== booking.status) {
        problems.push(`${booking.id}: API says ${booking.status}, database ${stored.get(booking.id)}`);
      }
    }
  }
  return result('API booking lists match the database', checked, problems);
}
