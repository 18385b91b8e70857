import 'reflect-metadata';
import { generateJwtKeyPair } from '@haven/common';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { redisConnection } from '../../apps/booking/src/jobs/booking-queue';
import { declareBrokerTopology, migrateAll } from '../migrate';
import { PLATFORM_APPS, RAZORPAY_SANDBOX } from '../platform-apps';
import { supervisedReplicas } from '../replicas';
import { Supervisor } from '../supervisor';
import { describeFault, faultPlan, type PlannedFault, type Profile } from './faults';
import { GatewayClient, send } from './http';
import { freePort, OwnDatabase, OwnRabbitMq, OwnRedis, scratchDir } from './infra';
import {
  apiAgreesWithDatabase,
  capturesAccountedFor,
  confirmedHavePayments,
  deadLettersExplained,
  dueRemindersFiredOnce,
  httpBehaviour,
  type InvariantResult,
  ledgerBalances,
  MailEvidence,
  noOverlappingBookings,
  nothingStuck,
  oneConfirmationEach,
  type OutageWindow,
  outboxesDrained,
} from './invariants';
import { REMINDER_OFFSETS, type Operation, runClient, seedPlatform } from './load';
import { SeededRandom } from './random';
import { printReport, type FaultRecord } from './report';

const REDIS_PREFIX = 'chaos';
// Two of each, so that killing one replica shows whether the other carries its work.
const REPLICAS_PER_APP = 2;
const WEBHOOK_FAULTS = { webhookDuplicates: 1, webhookShuffle: true, webhookDelayMs: 300 };

interface Options {
  seed: number;
  clients: number;
  counselors: number;
  durationMs: number;
  settleMs: number;
  profile: Profile;
  keep: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      clients: { type: 'string', default: '12' },
      size: { type: 'string' },
      counselors: { type: 'string' },
      duration: { type: 'string', default: '120' },
      settle: { type: 'string', default: '150' },
      profile: { type: 'string', default: 'full' },
      keep: { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string | undefined, min: number, max: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max} (got ${value})`);
      process.exit(2);
    }
    return parsed;
  };
  if (values.profile !== 'full' && values.profile !== 'short') {
    console.error(`--profile must be full or short (got ${values.profile})`);
    process.exit(2);
  }
  const clients = number('clients', values.size ?? values.clients, 1, 200);
  return {
    seed: number('seed', values.seed, 0, 2 ** 31),
    clients,
    counselors: number('counselors', values.counselors ?? String(Math.max(2, Math.ceil(clients / 3))), 1, 50),
    durationMs: number('duration', values.duration, 10, 3600) * 1000,
    settleMs: number('settle', values.settle, 10, 3600) * 1000,
    profile: values.profile,
    keep: values.keep ?? false,
  };
}

/**
 * `npm run chaos`: the whole platform with replicas on its own RabbitMQ node, Redis and database,
 * seeded load through the gateways while replicas are killed and the broker and Redis restart;
 * then, once settled, every invariant checked from the database and the API. One table; exit 1 on
 * any violation.
 */
async function main(): Promise<number> {
  const runStart = Date.now();
  const options = parseOptions();
  // Short runs (CI) let their last holds lapse sooner, so they settle sooner.
  const holdTtlSeconds = options.profile === 'short' ? 10 : 20;
  const random = new SeededRandom(options.seed);
  const scratch = scratchDir();
  const logsDir = join(scratch, 'logs');
  const outboxDir = join(scratch, 'outbox');
  const rabbit = new OwnRabbitMq();
  const redis = new OwnRedis();
  const database = new OwnDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const logs = new Map<string, WriteStream>();
  let supervisor: Supervisor | undefined;
  let db: Pool | undefined;
  let failed = true;
  const say = (line: string) => console.warn(`[chaos] ${line}`);
  let tornDown: Promise<void> | undefined;
  const tearDown = () =>
    (tornDown ??= (async () => {
      await db?.end().catch(() => undefined);
      await supervisor?.stop(0);
      await Promise.all([...logs.values()].map((stream) => new Promise((resolve) => stream.end(resolve))));
      await Promise.all([rabbit.stop(), redis.kill(), database.drop()]);
      if (!failed && !options.keep) rmSync(scratch, { recursive: true, force: true });
    })());
  // Stopped early (Ctrl-C, a runner's SIGTERM): its own RabbitMQ node, Redis and database go too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the run; logs kept in ${logsDir}`);
      void tearDown().finally(() => process.exit(130));
    });
  }

  try {
    say(
      `seed ${options.seed}, ${options.clients} clients, ${options.counselors} counselors, ${options.durationMs / 1000} s of load, ${options.profile} faults; scratch ${scratch}`,
    );
    await Promise.all([rabbit.start(), redis.start(), database.create()]);
    say(`own RabbitMQ node ${rabbit.node}, Redis ${redis.url}, database ${database.name}`);

    const gatewayPort = await freePort(20_000, 26_000, REPLICAS_PER_APP);
    const sandboxPort = await freePort(26_000, 28_000);
    const keys = generateJwtKeyPair();
    const admin = { email: 'chaos-admin@chaos.test', password: 'chaos-admin-password-1' };
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX,
      RABBITMQ_URL: rabbit.url,
      JWT_PRIVATE_KEY: keys.privateKeyPem,
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      RAZORPAY_API_URL: `http://127.0.0.1:${sandboxPort}`,
      RAZORPAY_SANDBOX_PORT: String(sandboxPort),
      RAZORPAY_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${gatewayPort}/api/v1/webhooks/razorpay`,
      RAZORPAY_SANDBOX_WEBHOOK_RETRY_BASE_MS: '500',
      RAZORPAY_SANDBOX_WEBHOOK_RETRY_MAX_MS: '3000',
      RAZORPAY_SANDBOX_REFUND_PROCESSING_MS: '1000',
      BOOKING_HOLD_TTL_SECONDS: String(holdTtlSeconds),
      BOOKING_SWEEP_INTERVAL_SECONDS: '5',
      MAIL_OUTBOX_DIR: outboxDir,
      SMTP_URL: '',
      RATE_LIMIT_PER_MINUTE: '1000000',
      PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
      NODE_ENV: 'development',
    };
    Object.assign(process.env, env);
    delete process.env.SMTP_URL;

    await migrateAll(database.url, () => undefined);
    await declareBrokerTopology(rabbit.url, () => undefined);

    const counts = new Map<string, number>([
      ['razorpay-sandbox', 1],
      ...PLATFORM_APPS.map((app) => [app.name, REPLICAS_PER_APP] as [string, number]),
    ]);
    const replicas = supervisedReplicas([RAZORPAY_SANDBOX, ...PLATFORM_APPS], counts, gatewayPort);
    supervisor = new Supervisor(
      replicas.map((app) => ({ ...app, env: { ...env, ...app.env } })),
      { initialMs: 500, maxMs: 4000, stableAfterMs: 30_000 },
      (line) => say(line),
      (app, _stream, line) => {
        let stream = logs.get(app.name);
        if (!stream) {
          stream = createWriteStream(join(logsDir, `${app.name.replace('#', '-')}.log`), { flags: 'a' });
          logs.set(app.name, stream);
        }
        stream.write(`${line}\n`);
      },
    );
    supervisor.start();
    const gateways = Array.from({ length: REPLICAS_PER_APP }, (_, index) => `http://127.0.0.1:${gatewayPort + index}`);
    await waitUntilHealthy(gateways, 240_000);
    say(`${replicas.length} processes up: ${replicas.map((app) => app.name).join(', ')}`);

    const api = new GatewayClient(gateways);
    const { counselors, clients } = await seedPlatform(api, admin, options, random.fork());
    say(`seeded ${counselors.length} counselors and ${clients.length} clients`);
    await send(`http://127.0.0.1:${sandboxPort}/sandbox/faults`, 'POST', { body: WEBHOOK_FAULTS });
    api.calls.length = 0;

    const loadStart = Date.now();
    const until = loadStart + options.durationMs;
    const windows: OutageWindow[] = [];
    const faultRecords: FaultRecord[] = [];
    const plan = faultPlan(options.profile, options.durationMs, random.fork());
    const injecting = injectFaults(plan, loadStart, {
      supervisor,
      api,
      rabbit,
      redis,
      sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
      windows,
      records: faultRecords,
      say,
    });
    const operations = new Map<Operation, number>();
    const sessions = clients.map((client) =>
      runClient(client, {
        api,
        sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
        counselors,
        random: random.fork(),
        until,
      }),
    );
    for (const started of await Promise.all(sessions)) {
      for (const [operation, count] of started) operations.set(operation, (operations.get(operation) ?? 0) + count);
    }
    await injecting;
    say('load finished; letting the platform settle');

    await send(`http://127.0.0.1:${sandboxPort}/sandbox/faults`, 'DELETE');
    db = new Pool({ connectionString: database.url, max: 3 });
    const settledIn = await settle(db, redis.url, options.settleMs, holdTtlSeconds);
    say(
      settledIn === undefined
        ? `not settled after ${options.settleMs / 1000} s; checking anyway`
        : `settled in ${(settledIn / 1000).toFixed(1)} s`,
    );

    const checkedAt = Date.now();
    const mails = new MailEvidence(outboxDir, logsDir);
    const results: InvariantResult[] = [
      await noOverlappingBookings(db),
      await capturesAccountedFor(db),
      await confirmedHavePayments(db),
      await ledgerBalances(db),
      await oneConfirmationEach(db, mails),
      await dueRemindersFiredOnce(db, mails, REMINDER_OFFSETS, checkedAt, options.profile === 'full'),
      await outboxesDrained(db),
      await deadLettersExplained(rabbit.url, logsDir),
      await nothingStuck(db, redis.url, REDIS_PREFIX),
      ...httpBehaviour(
        api.calls.filter((call) => call.kind !== 'check'),
        windows,
      ),
      await apiAgreesWithDatabase(db, api, clients),
    ];
    const bookingStates = (
      await db.query<{ status: string; count: number }>(
        `SELECT status, count(*)::int AS count FROM booking.bookings GROUP BY status ORDER BY status`,
      )
    ).rows;
    printReport({
      options,
      operations,
      calls: api.calls.filter((call) => call.kind !== 'check'),
      faults: faultRecords,
      results,
      bookingStates,
      settledInMs: settledIn,
      mailsResentAfterCrash: mails.resentAfterCrash,
    });
    failed = results.some((result) => result.violations > 0);
    say(`the run took ${Math.round((Date.now() - runStart) / 1000)} s`);
    if (failed) say(`violations found; logs kept in ${logsDir}`);
    return failed ? 1 : 0;
  } finally {
    await tearDown();
  }
}

async function waitUntilHealthy(gateways: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const gateway of gateways) {
    while ((await send(`${gateway}/api/v1/health`, 'GET')).outcome !== 200) {
      if (Date.now() > deadline) throw new Error(`${gateway} did not become healthy within ${timeoutMs / 1000} s`);
      await sleep(500);
    }
  }
}

interface FaultTools {
  supervisor: Supervisor;
  api: GatewayClient;
  rabbit: OwnRabbitMq;
  redis: OwnRedis;
  sandboxUrl: string;
  windows: OutageWindow[];
  records: FaultRecord[];
  say: (line: string) => void;
}

/** `gateway#2` → 1, its index among the gateway URLs. */
function gatewayIndex(target: string): number {
  return Number(target.split('#')[1]) - 1;
}

/** Back in rotation once a new process answers health (the old one may still answer while it drains). */
async function putBackWhenRestarted(tools: FaultTools, name: string, oldPid: number, gateway: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const pid = tools.supervisor.pid(name);
    if (pid !== undefined && pid !== oldPid) {
      if ((await send(`${tools.api.gateways[gateway]}/api/v1/health`, 'GET')).outcome === 200) break;
    }
    await sleep(250);
  }
  tools.api.putBackInRotation(gateway);
}

async function injectFaults(plan: PlannedFault[], loadStart: number, tools: FaultTools): Promise<void> {
  for (const fault of plan) {
    await sleep(Math.max(0, loadStart + fault.at - Date.now()));
    const what = describeFault(fault);
    const start = Date.now();
    let note = '';
    try {
      switch (fault.kind) {
        case 'sigkill': {
          const pid = tools.supervisor.signal(fault.target!, 'SIGKILL');
          note = pid ? `pid ${pid}; the supervisor restarts it` : 'was not running';
          break;
        }
        case 'sigterm': {
          // A graceful stop, as an orchestrator does it: out of the load balancer's rotation first.
          const gateway = gatewayIndex(fault.target!);
          tools.api.takeOutOfRotation(gateway);
          const pid = tools.supervisor.signal(fault.target!, 'SIGTERM');
          if (pid) void putBackWhenRestarted(tools, fault.target!, pid, gateway);
          else tools.api.putBackInRotation(gateway);
          note = pid ? `pid ${pid}; out of rotation until the supervisor has it back` : 'was not running';
          break;
        }
        case 'rabbitmq-restart':
          await tools.rabbit.stopApp();
          await sleep(4000);
          await tools.rabbit.startApp();
          note = `broker down ${((Date.now() - start) / 1000).toFixed(1)} s`;
          break;
        case 'redis-restart':
          await tools.redis.kill();
          await sleep(1000);
          await tools.redis.start();
          note = 'every key lost';
          break;
        case 'webhook-drop':
          await send(`${tools.sandboxUrl}/sandbox/faults`, 'POST', { body: { ...WEBHOOK_FAULTS, webhookDrop: true } });
          await sleep(8000);
          await send(`${tools.sandboxUrl}/sandbox/faults`, 'POST', { body: WEBHOOK_FAULTS });
          note = 'payments still verified by clients or found at expiry';
          break;
      }
    } catch (error) {
      note = `injection failed: ${(error as Error).message}`;
    }
    const end = Date.now();
    if (fault.kind !== 'webhook-drop') tools.windows.push({ what, start, end });
    tools.records.push({ at: start - loadStart, what, ms: end - start, note });
    tools.say(`+${((start - loadStart) / 1000).toFixed(1)} s ${what} (${note})`);
  }
}

/** Waits until nothing is in flight any more; returns how long that took, or undefined on timeout. */
async function settle(
  db: Pool,
  redisUrl: string,
  timeoutMs: number,
  holdTtlSeconds: number,
): Promise<number | undefined> {
  const start = Date.now();
  // Holds created at the very end expire after their TTL and the next sweep.
  await sleep((holdTtlSeconds + 6) * 1000);
  while (Date.now() - start < timeoutMs) {
    const { rows } = await db.query<{ busy: number }>(
      `SELECT (SELECT count(*) FROM booking.bookings WHERE status = 'pending_payment')
            + (SELECT count(*) FROM booking.refunds WHERE status = 'pending')
            + (SELECT count(*) FROM booking.razorpay_webhook_events WHERE processed_at IS NULL)
            + (SELECT count(*) FROM razorpay_sandbox.webhook_deliveries WHERE status = 'pending')
            + (SELECT count(*) FROM accounts.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM directory.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM booking.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM notifications.outbox WHERE published_at IS NULL)
            + (SELECT count(*) FROM notifications.deliveries d WHERE NOT EXISTS (SELECT 1 FROM notifications.delivery_outcomes o
                WHERE o.notification_key = d.notification_key AND o.channel = d.channel)) AS busy`,
    );
    if (Number(rows[0].busy) === 0 && (await queuesIdle(redisUrl))) {
      // Events published last may still be on their way through the consumers and channel jobs.
      await sleep(5000);
      if (await queuesIdle(redisUrl)) return Date.now() - start;
    }
    await sleep(2000);
  }
  return undefined;
}

async function queuesIdle(redisUrl: string): Promise<boolean> {
  for (const name of [
    'notifications-email',
    'notifications-in-app',
    'notifications-reminders',
    'notifications-fan-out',
  ]) {
    const queue = new Queue(name, { connection: redisConnection(redisUrl), prefix: REDIS_PREFIX });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (counts.waiting + counts.active + counts.prioritized > 0) return false;
    } finally {
      await queue.close();
    }
  }
  return true;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[chaos] the run could not complete:', error);
    process.exit(2);
  },
);
