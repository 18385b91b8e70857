// npm run bench:web — what the web app costs a visitor: gzipped JavaScript of the first page and of
// each route (from Vite's build manifest), then Lighthouse performance and accessibility for the
// home, search and counselor pages in Debian's Chromium.
//
// Against a running platform: HAVEN_URL=http://127.0.0.1:3000 npm run bench:web (it needs at least
// one listed counselor, e.g. after `npm run seed`). Without HAVEN_URL the bench starts its own
// platform from dist/scripts/start.js (run `npm run build` first) on free ports, with its own
// database, RabbitMQ vhost and Redis prefix, lists one counselor through the API, and removes
// everything when done. Outside `npm test`: it takes a minute or two.
/* eslint-disable no-console -- a bench prints its report */
/* global fetch -- Node's own */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';

const WEB_DIST = 'dist/web';
const FIRST_PAGE_BUDGET_KB = 150;
const SCORE_AIM = 90;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = promisify(execFile);

// ---------------------------------------------------------------- bundle sizes

const gzKb = (file) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length / 1024;

/** Every JS file a manifest entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function bundleReport() {
  const manifestPath = join(WEB_DIST, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run npm run build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const files = (keys) => new Set([...keys].map((key) => manifest[key].file));
  const sum = (set) => [...set].reduce((total, file) => total + gzKb(file), 0);
  const shell = files(staticClosure(manifest, entryKey));

  const routes = Object.keys(manifest)
    .filter((key) => /\/routes\/[^/]+\.tsx$/.test(key))
    .map((key) => {
      const own = [...files(staticClosure(manifest, key))].filter((file) => !shell.has(file));
      return { route: key.replace(/^src\/features\//, '').replace(/\.tsx$/, ''), kb: sum(own) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
  const home = routes.find((r) => r.route === 'counselors/routes/search');
  const firstPage = sum(shell) + (home?.kb ?? 0);

  console.log('\nGzipped JavaScript (KB)');
  console.log(`  app shell (entry + its imports)      ${sum(shell).toFixed(1).padStart(7)}`);
  console.log(
    `  first page: shell + home (search)    ${firstPage.toFixed(1).padStart(7)}  (aim ≤ ${FIRST_PAGE_BUDGET_KB}: ${firstPage <= FIRST_PAGE_BUDGET_KB ? 'met' : 'MISSED'})`,
  );
  console.log('  each route, loaded on top of the shell:');
  for (const { route, kb } of routes) console.log(`    ${route.padEnd(42)} ${kb.toFixed(1).padStart(6)}`);
  return firstPage;
}

// ---------------------------------------------------------------- a platform to measure

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function call(base, method, path, body, token) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return parsed;
}

async function waitUntilHealthy(base, child) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform exited (${child.exitCode}); see its output above`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  throw new Error('the platform did not become healthy within 3 minutes');
}

/** One approved counselor with a paid offering and open hours, through the public API. */
async function listCounselor(base, admin) {
  const email = `bench.${Date.now().toString(36)}@example.test`;
  const password = 'bench counselor passphrase';
  const user = await call(base, 'POST', '/auth/register', { email, password, name: 'Asha Rao' });
  const application = await call(
    base,
    'POST',
    '/counselor-applications',
    {
      displayName: 'Dr. Asha Rao',
      bio: 'Counselling psychologist helping young adults with anxiety, exam stress and relationships.',
      qualifications: ['M.Phil Clinical Psychology'],
      registration: { body: 'RCI', number: `A${Math.floor(Math.random() * 1e6)}` },
      yearsExperience: 8,
      languages: ['en', 'hi'],
      specialties: ['anxiety', 'relationships'],
    },
    user.accessToken,
  );
  const adminSession = await call(base, 'POST', '/auth/login', admin);
  await call(base, 'POST', `/admin/counselor-applications/${application.id}/approve`, {}, adminSession.accessToken);
  let token;
  for (let tries = 0; tries < 60 && !token; tries += 1) {
    const session = await call(base, 'POST', '/auth/login', { email, password });
    if (session.user.roles.includes('counselor')) token = session.accessToken;
    else await sleep(500);
  }
  if (!token) throw new Error('the counselor role did not arrive');
  const offering = { title: 'Video session', mode: 'video', durationMinutes: 50, pricePaise: 150_000 };
  for (let tries = 0; ; tries += 1) {
    try {
      await call(base, 'POST', '/counselor/offerings', offering, token);
      break;
    } catch (error) {
      if (tries > 30) throw error;
      await sleep(500);
    }
  }
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  for (let tries = 0; ; tries += 1) {
    try {
      await call(
        base,
        'PUT',
        '/counselor/availability',
        {
          timezone: 'Asia/Kolkata',
          weekly: days.map((day) => ({ day, start: '09:00', end: '18:00' })),
          overrides: [],
          bufferMinutes: 10,
          minNoticeMinutes: 120,
          maxAdvanceDays: 30,
        },
        token,
      );
      break;
    } catch (error) {
      if (tries > 30) throw error;
      await sleep(500);
    }
  }
  return user.user.id;
}

async function startOwnPlatform() {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `haven_bench_web_${id}`;
  const vhost = `haven_bench_web_${id}`;
  const [port, sandboxPort] = [await freePort(), await freePort()];
  await run('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  const admin = { email: 'bench-admin@example.test', password: 'bench admin passphrase' };
  const child = spawn(process.execPath, ['dist/scripts/start.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`,
      REDIS_PREFIX: `haven_bench_web_${id}`,
      RAZORPAY_SANDBOX_PORT: String(sandboxPort),
      RATE_LIMIT_PER_MINUTE: '10000',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(20_000)]);
    }
    await run('rabbitmqctl', ['-q', 'delete_vhost', vhost]).catch(() => undefined);
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await client.end();
  };
  try {
    await waitUntilHealthy(base, child);
    const counselorId = await listCounselor(base, admin);
    return { base, counselorId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function usePlatform() {
  if (!process.env.HAVEN_URL) return startOwnPlatform();
  const base = process.env.HAVEN_URL.replace(/\/$/, '');
  const listed = await call(base, 'GET', '/counselors?limit=1');
  if (!listed.items?.length) throw new Error(`${base} lists no counselor: run npm run seed there first`);
  return { base, counselorId: listed.items[0].id, stop: async () => undefined };
}

// ---------------------------------------------------------------- Lighthouse

async function lighthouseReport(pages) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  const scores = [];
  try {
    // One unmeasured load first: the first visit of a fresh platform warms its caches and connections.
    await lighthouse(pages[0].url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility'],
    });
    for (const { name, url } of pages) {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (lhr.runtimeError) {
        scores.push({
          name,
          performance: 0,
          accessibility: 0,
          detail: `Lighthouse failed: ${lhr.runtimeError.message}`,
        });
        continue;
      }
      const score = (category) => Math.round((lhr.categories[category].score ?? 0) * 100);
      const audits = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
      ];
      scores.push({
        name,
        performance: score('performance'),
        accessibility: score('accessibility'),
        detail: audits
          .map((id) => `${lhr.audits[id].title.replace(/ /g, '')}=${lhr.audits[id].displayValue}`)
          .join(' '),
      });
    }
  } finally {
    await chrome.kill();
  }
  console.log('\nLighthouse (mobile, simulated slow 4G)');
  for (const s of scores) {
    const met = s.performance >= SCORE_AIM && s.accessibility >= SCORE_AIM ? 'met' : 'MISSED';
    console.log(
      `  ${s.name.padEnd(10)} performance ${String(s.performance).padStart(3)}  accessibility ${String(s.accessibility).padStart(3)}  (aim ≥ ${SCORE_AIM}: ${met})`,
    );
    console.log(`             ${s.detail}`);
  }
}

const firstPageKb = bundleReport();
const platform = await usePlatform();
try {
  await lighthouseReport([
    { name: 'home', url: `${platform.base}/` },
    { name: 'search', url: `${platform.base}/?specialty=anxiety&sort=rating` },
    { name: 'counselor', url: `${platform.base}/counselors/${platform.counselorId}` },
  ]);
} finally {
  await platform.stop();
}
console.log(`\nFirst page JS: ${firstPageKb.toFixed(1)} KB gzipped.`);
