import { EXIT_CANNOT_START } from '@haven/infrastructure';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type SupervisedApp, Supervisor } from './supervisor';

const fast = { initialMs: 100, maxMs: 400, stableAfterMs: 60_000 };
const BUILT_SUPERVISOR = resolve('dist/scripts/supervisor.js');
const BUILT_SHUTDOWN = resolve('dist/libs/infrastructure/src/graceful-shutdown.js');

/** A node process that runs until killed, findable by a marker in its command line. */
function longRunning(name: string): SupervisedApp & { marker: string } {
  const marker = `haven-supervisor-test-${randomUUID()}`;
  return { name, args: ['-e', 'setInterval(() => {}, 1000)', marker], color: 'green', marker };
}

function pidsOf(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim().split('\n').map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe('Supervisor', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => supervisor?.stop());

  it('restarts a killed app, visibly, while the other apps keep running', async () => {
    const steady = longRunning('steady');
    const victim = longRunning('victim');
    const log: string[] = [];
    supervisor = new Supervisor([steady, victim], fast, (line) => log.push(line));
    supervisor.start();
    const steadyPid = await until(() => pidsOf(steady.marker)[0]);
    const victimPid = await until(() => pidsOf(victim.marker)[0]);

    process.kill(victimPid, 'SIGKILL');
    const restartedPid = await until(() => pidsOf(victim.marker).find((pid) => pid !== victimPid));

    expect(log).toContainEqual(
      expect.stringMatching(/^victim was killed by SIGKILL after .*; restarting in .* \(crash 1 in a row\)$/),
    );
    expect(log).toContainEqual(`victim restarted (pid ${restartedPid})`);
    expect(pidsOf(steady.marker)).toEqual([steadyPid]);
  });

  it('waits longer after each crash in a row', async () => {
    const crashing: SupervisedApp = { name: 'crashing', args: ['-e', 'process.exit(3)'], color: 'red' };
    const log: string[] = [];
    supervisor = new Supervisor([crashing], fast, (line) => log.push(line));
    supervisor.start();
    await until(() => (log.some((line) => line.includes('crash 4 in a row')) ? true : undefined));
    const delays = log
      .filter((line) => line.startsWith('crashing exited with code 3'))
      .map((line) => Number(/restarting in ([\d.]+) s/.exec(line)![1]));
    expect(delays.slice(0, 4)).toEqual([0.1, 0.2, 0.4, 0.4]);
  });

  it('stops every app when one cannot start as configured, and reports failure', async () => {
    const steady = longRunning('steady');
    const misconfigured: SupervisedApp = {
      name: 'misconfigured',
      args: ['-e', `setTimeout(() => process.exit(${EXIT_CANNOT_START}), 300)`],
      color: 'red',
    };
    const log: string[] = [];
    supervisor = new Supervisor([steady, misconfigured], fast, (line) => log.push(line));
    supervisor.start();
    await until(() => pidsOf(steady.marker)[0]);

    expect(await supervisor.done).toBe(1);
    expect(pidsOf(steady.marker)).toEqual([]);
    expect(log).toContain('misconfigured exited with code 78 and cannot start as configured; stopping every app');
  });

  it('stops every app on request and does not restart them', async () => {
    const first = longRunning('first');
    const second = longRunning('second');
    supervisor = new Supervisor([first, second], fast, () => undefined);
    supervisor.start();
    await until(() => (pidsOf(first.marker).length && pidsOf(second.marker).length ? true : undefined));

    await supervisor.stop();
    expect(await supervisor.done).toBe(0);
    await sleep(200);
    expect([...pidsOf(first.marker), ...pidsOf(second.marker)]).toEqual([]);
  });

  it('has its apps stop gracefully, not live on alone, when the supervisor itself is SIGKILLed', async () => {
    for (const file of [BUILT_SUPERVISOR, BUILT_SHUTDOWN]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    }
    const marker = `haven-supervisor-test-${randomUUID()}`;
    const appLog = join(mkdtempSync(join(tmpdir(), 'haven-supervisor-')), 'app.log');
    // An app as every platform app stops (exitGracefullyOnSignals), logging to a file: its stdout was
    // a pipe to the supervisor, which is gone.
    const app = `
      const { appendFileSync } = require('node:fs');
      require(${JSON.stringify(BUILT_SHUTDOWN)}).exitGracefullyOnSignals(async () => {}, {
        log: (line) => appendFileSync(${JSON.stringify(appLog)}, line + '\\n'),
      });
      setInterval(() => {}, 1000);`;
    const supervisorProcess = spawn(
      process.execPath,
      [
        '-e',
        `require('reflect-metadata');
         const { Supervisor } = require(${JSON.stringify(BUILT_SUPERVISOR)});
         const app = { name: 'app', args: ['-e', ${JSON.stringify(app)}, ${JSON.stringify(marker)}], color: 'green' };
         new Supervisor([app], ${JSON.stringify(fast)}, () => {}).start();`,
      ],
      { stdio: 'ignore' },
    );
    const appPids = () => pidsOf(marker).filter((pid) => pid !== supervisorProcess.pid);
    await until(() => appPids()[0]);

    supervisorProcess.kill('SIGKILL');

    await until(() => (appPids().length === 0 ? true : undefined), 5_000);
    const lines = readFileSync(appLog, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^supervisor gone: stopping gracefully/);
    expect(lines.at(-1)).toMatch(/^stopped in \d+ ms$/);
  });
});
