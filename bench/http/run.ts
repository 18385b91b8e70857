import 'reflect-metadata';
import { runMain } from '@haven/infrastructure';
import { createTestInfrastructure } from '@haven/testing/infrastructure';
import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { migrateAll } from '../../scripts/migrate';
import { PLATFORM_APPS } from '../../scripts/platform-apps';
import { seedMarketplace } from '../../scripts/seed/seed-marketplace';
import { httpLoad, type LoadResult, sqlLoad } from './load';
import { benchSearches, explainSearch, searchSql } from './search-sql';

/**
 * `npm run bench:http [-- --counselors 10000 --seconds 5 --only search]`: its own platform (a fresh
 * database, vhost and Redis prefix; every app its own process, as `npm start` runs them), seeded,
 * beside a bare Nest app on the same HTTP adapter. Each endpoint is loaded with 1 and 20 clients
 * next to its baseline in the same run: the bare endpoint for slots, a profile, specialties and health; the
 * SQL the search runs, straight over `pg`, for search. Prints one table and each app's memory.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const CLIENTS = [1, 20];

interface Row {
  endpoint: string;
  baselineName: string;
  clients: number;
  api: LoadResult;
  baseline: LoadResult;
}

runMain(async () => {
  const counselors = numberArg('--counselors', 10_000);
  const seconds = numberArg('--seconds', 5);
  const only = stringArg('--only');
  const infrastructure = await createTestInfrastructure('bench');
  const children = new Map<string, ChildProcess>();
  const pool = new Pool({ connectionString: infrastructure.databaseUrl, max: 25 });
  try {
    log(`database ${infrastructure.databaseUrl}`);
    await migrateAll(infrastructure.databaseUrl, () => undefined);
    await seedMarketplace(infrastructure.databaseUrl, { counselors, password: 'bench-password-1', log });

    const [gatewayPort, barePort, sandboxPort] = [await freePort(), await freePort(), await freePort()];
    const keys = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      DATABASE_URL: infrastructure.databaseUrl,
      RABBITMQ_URL: infrastructure.rabbitmqUrl,
      REDIS_URL: infrastructure.redisUrl,
      REDIS_PREFIX: infrastructure.redisPrefix,
      JWT_PRIVATE_KEY: keys.privateKey,
      JWT_PUBLIC_KEY: keys.publicKey,
      PORT: String(gatewayPort),
      RATE_LIMIT_PER_MINUTE: '1000000000',
      // Nothing here pays; the sandbox is not started.
      RAZORPAY_API_URL: `http://127.0.0.1:${sandboxPort}`,
    };
    mkdirSync('var/bench', { recursive: true });
    for (const app of PLATFORM_APPS) children.set(app.name, start(app.name, app.entry, env, app.nodeFlags));
    const api = `http://127.0.0.1:${gatewayPort}/api/v1`;
    await until(async () => (await fetch(`${api}/health`).catch(() => undefined))?.ok, 'the platform to be healthy');
    log('platform up; waiting for the booking service to compute every counselor’s openings');
    const startedAt = Date.now();
    await until(
      async () => {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "directory"."counselor_openings"`);
        return rows[0].n >= counselors;
      },
      'every counselor’s openings',
      15 * 60_000,
    );
    log(`openings of ${counselors} counselors in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

    const { rows: pick } = await pool.query(`
      SELECT a."counselor_id", o."id" AS "offering_id" FROM "booking"."availability" a
      JOIN "booking"."offerings" o ON o."counselor_id" = a."counselor_id" AND o."active" AND o."duration_minutes" = 30
      ORDER BY jsonb_array_length(a."weekly") DESC, coalesce(a."slot_interval_minutes", 999), a."counselor_id" LIMIT 1`);
    const now = Date.now();
    const slotsPath = `/counselors/${pick[0].counselor_id}/slots?offeringId=${pick[0].offering_id}&from=${new Date(now).toISOString()}&to=${new Date(now + 31 * DAY_MS).toISOString()}`;
    const profilePath = `/counselors/${pick[0].counselor_id}`;
    const bodies = {
      slots: await (await fetch(`${api}${slotsPath}`)).json(),
      profile: await (await fetch(`${api}${profilePath}`)).json(),
      specialties: await (await fetch(`${api}/specialties`)).json(),
      health: await (await fetch(`${api}/health`)).json(),
    };
    writeFileSync('var/bench/bodies.json', JSON.stringify(bodies));
    log(
      `31-day slots body: ${(bodies.slots as { slots: unknown[] }).slots.length} slots, ${JSON.stringify(bodies.slots).length} bytes`,
    );
    children.set(
      'bare nest',
      start('bare nest', 'dist/bench/http/bare-app.js', {
        ...env,
        PORT: String(barePort),
        BARE_BODIES: 'var/bench/bodies.json',
      }),
    );
    const bare = `http://127.0.0.1:${barePort}`;
    await until(async () => (await fetch(`${bare}/health`).catch(() => undefined))?.ok, 'the bare app');

    if (process.argv.includes('--serve')) {
      log(`serving: ${api}${slotsPath} and ${bare}; Ctrl-C stops`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
      return;
    }
    const memory = new MemoryWatch(children);
    memory.sample();
    const idle = memory.snapshot();
    memory.start();

    const searches = benchSearches(now);
    const rows: Row[] = [];
    const measure = async (
      endpoint: string,
      baselineName: string,
      apiUrl: string,
      baseline: (c: number) => Promise<LoadResult>,
    ) => {
      if (only && !endpoint.includes(only)) return;
      for (const clients of CLIENTS) {
        const apiResult = await httpLoad(apiUrl, clients, seconds);
        const baselineResult = await baseline(clients);
        rows.push({ endpoint, baselineName, clients, api: apiResult, baseline: baselineResult });
        log(`${endpoint} ×${clients}: ${format(apiResult)} | ${baselineName}: ${format(baselineResult)}`);
      }
    };
    await measure('GET /health', 'bare Nest', `${api}/health`, (c) => httpLoad(`${bare}/health`, c, seconds));
    await measure('GET /specialties', 'bare Nest', `${api}/specialties`, (c) =>
      httpLoad(`${bare}/specialties`, c, seconds),
    );
    await measure('GET slots (31 days)', 'bare Nest', `${api}${slotsPath}`, (c) =>
      httpLoad(`${bare}/slots`, c, seconds),
    );
    await measure('GET /counselors/:id (profile)', 'bare Nest', `${api}${profilePath}`, (c) =>
      httpLoad(`${bare}/profile`, c, seconds),
    );
    for (const [name, query] of searches) {
      const run = await searchSql(pool, query);
      await measure(`search ${name}`, 'its SQL', `${api}/counselors?${new URLSearchParams(query)}`, (c) =>
        sqlLoad(pool, run, c, seconds),
      );
    }
    memory.stop();

    console.log(`\n## HTTP bench: ${counselors} counselors, ${seconds} s per run, ${new Date().toISOString()}\n`);
    console.log(table(rows));
    console.log('\n## Resident memory (MB)\n');
    console.log('| app | idle | peak under load |\n| --- | ---: | ---: |');
    const peak = memory.snapshot(true);
    for (const name of children.keys()) {
      console.log(`| ${name} | ${idle.get(name)?.toFixed(0) ?? '?'} | ${peak.get(name)?.toFixed(0) ?? '?'} |`);
    }
    console.log('\n## Query plans of the search statement (EXPLAIN ANALYZE: scans, planning and execution time)\n');
    for (const [name, query] of searches) {
      const plan = await explainSearch(pool, query);
      const lines = plan
        .split('\n')
        .filter((line) => /Scan|Planning Time|Execution Time/.test(line))
        .map((line) => line.trim().replace(/\s*\(actual.*\)$/, ''));
      console.log(`- ${name}: ${lines.join(' · ')}`);
    }
  } finally {
    for (const child of children.values()) child.kill('SIGTERM');
    await sleep(1500);
    for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
    await pool.end();
    await infrastructure.teardown();
  }
});

function start(name: string, entry: string, env: NodeJS.ProcessEnv, nodeFlags: readonly string[] = []): ChildProcess {
  const logFile = openSync(`var/bench/${name.replace(/\W+/g, '-')}.log`, 'w');
  // With the flags the launcher gives each app; the bare app keeps Node's defaults.
  const execArgv = [...process.execArgv, ...nodeFlags];
  const child = fork(entry, [], { env, execArgv, stdio: ['ignore', logFile, logFile, 'ipc'] });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) log(`${name} exited with ${code ?? signal}; see var/bench/`);
  });
  return child;
}

/** Samples each process's resident set from /proc (Linux). */
class MemoryWatch {
  private readonly peak = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly children: Map<string, ChildProcess>) {}

  sample(): void {
    for (const [name, child] of this.children) {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        this.last.set(name, kb / 1024);
        this.peak.set(name, Math.max(this.peak.get(name) ?? 0, kb / 1024));
      } catch {
        // The process has ended.
      }
    }
  }

  start(): void {
    this.peak.clear();
    this.timer = setInterval(() => this.sample(), 250);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  snapshot(peak = false): Map<string, number> {
    return new Map(peak ? this.peak : this.last);
  }
}

function table(rows: Row[]): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
  const lines = [
    '| endpoint | clients | API req/s | p50 ms | p95 ms | p99 ms | baseline | base req/s | p50 ms | p95 ms | p99 ms | req/s ratio | p50 − base | p95 / base | p99 / p50 | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { endpoint, baselineName, clients, api, baseline } of rows) {
    lines.push(
      `| ${endpoint} | ${clients} | ${api.rps.toFixed(0)} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(api.p99)} | ${baselineName} | ${baseline.rps.toFixed(0)} | ${ms(baseline.p50)} | ${ms(baseline.p95)} | ${ms(baseline.p99)} | ${(api.rps / baseline.rps).toFixed(2)} | ${ms(api.p50 - baseline.p50)} | ${(api.p95 / baseline.p95).toFixed(2)} | ${(api.p99 / api.p50).toFixed(1)} | ${api.errors} |`,
    );
  }
  return lines.join('\n');
}

function format(result: LoadResult): string {
  return `${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${result.errors ? `, ${result.errors} errors` : ''}`;
}

async function until(probe: () => Promise<unknown>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function numberArg(name: string, fallback: number): number {
  const value = stringArg(name);
  return value === undefined ? fallback : Number(value);
}

function stringArg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function log(line: string): void {
  console.warn(`[bench] ${line}`);
}
