import { EXIT_CANNOT_START } from '@haven/infrastructure';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { styleText } from 'node:util';

export interface BackoffPolicy {
  /** Delay before the first restart after a crash. */
  initialMs: number;
  /** The delay doubles with every crash in a row, up to this. */
  maxMs: number;
  /** A process that ran at least this long before crashing starts again from `initialMs`. */
  stableAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, stableAfterMs: 60_000 };

/**
 * After a crash: how many crashes in a row this makes, and how long to wait before restarting.
 * A process that stayed up for `stableAfterMs` has its count reset, so an old crash does not
 * slow down the next restart.
 */
export function nextRestart(
  policy: BackoffPolicy,
  crashesInARow: number,
  uptimeMs: number,
): { crashesInARow: number; delayMs: number } {
  const crashes = uptimeMs >= policy.stableAfterMs ? 1 : crashesInARow + 1;
  return { crashesInARow: crashes, delayMs: Math.min(policy.initialMs * 2 ** (crashes - 1), policy.maxMs) };
}

export interface SupervisedApp {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  color: Parameters<typeof styleText>[0];
  /** Variables on top of the supervisor's own environment (a replica's port, say). */
  env?: NodeJS.ProcessEnv;
}

/** Where the apps' output lines go; by default the supervisor's stdout/stderr with a name prefix. */
export type OutputSink = (app: SupervisedApp, stream: 'stdout' | 'stderr', line: string) => void;

const prefixedOutput: OutputSink = (app, stream, line) => {
  const out = stream === 'stdout' ? process.stdout : process.stderr;
  const prefix = out.isTTY ? styleText(app.color, `[${app.name}]`) : `[${app.name}]`;
  out.write(`${prefix} ${line}\n`);
};

interface Running {
  app: SupervisedApp;
  child?: ChildProcess;
  startedAt: number;
  crashesInARow: number;
  restartTimer?: NodeJS.Timeout;
}

const STOP_GRACE_MS = 10_000;

/**
 * Runs every app as its own `node` process with its output prefixed by its name. An app that
 * exits is restarted with exponential backoff while the others keep running; one that exits with
 * EXIT_CANNOT_START (bad configuration, port taken) stops everything, since restarting cannot help.
 */
export class Supervisor {
  private readonly running: Running[];
  private stopping = false;
  private finish!: (exitCode: number) => void;
  /** Resolves with the exit code for the whole platform once every app has stopped. */
  readonly done = new Promise<number>((resolve) => (this.finish = resolve));

  constructor(
    apps: SupervisedApp[],
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly log: (line: string) => void = (line) => console.warn(`[supervisor] ${line}`),
    private readonly output: OutputSink = prefixedOutput,
  ) {
    this.running = apps.map((app) => ({ app, startedAt: 0, crashesInARow: 0 }));
  }

  start(): void {
    for (const entry of this.running) this.spawn(entry);
    // Apps in their own process groups would outlive a supervisor that exits without stopping them.
    process.once('exit', () => this.running.forEach((entry) => entry.child?.kill('SIGKILL')));
  }

  /** Stops every app (SIGTERM, then SIGKILL after a grace period); `done` resolves with `exitCode`. */
  async stop(exitCode = 0): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.log('stopping every app');
    const exits = this.running.map((entry) => {
      clearTimeout(entry.restartTimer);
      const child = entry.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      return exited.finally(() => clearTimeout(killer));
    });
    await Promise.all(exits);
    this.log('every app has stopped');
    this.finish(exitCode);
  }

  /**
   * Sends `signal` to the running process of the app called `name` (the supervisor restarts it as
   * after any other exit); returns its pid, or undefined when it is not running right now.
   */
  signal(name: string, signal: NodeJS.Signals): number | undefined {
    const child = this.running.find((entry) => entry.app.name === name)?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
    child.kill(signal);
    return child.pid;
  }

  /** The pid of the app's running process, or undefined while it is down. */
  pid(name: string): number | undefined {
    const child = this.running.find((entry) => entry.app.name === name)?.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  private spawn(entry: Running): void {
    // In its own process group, so Ctrl-C reaches the supervisor alone and each app gets one SIGTERM.
    // The IPC channel is how an app learns that the supervisor died (exitGracefullyOnSignals).
    const child = spawn(process.execPath, entry.app.args, {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: entry.app.env ? { ...process.env, ...entry.app.env } : process.env,
    });
    entry.child = child;
    entry.startedAt = Date.now();
    forEachLine(child.stdout!, (line) => this.output(entry.app, 'stdout', line));
    forEachLine(child.stderr!, (line) => this.output(entry.app, 'stderr', line));
    child.on('error', (error) => this.log(`${entry.app.name} could not be started: ${error.message}`));
    child.on('exit', (code, signal) => this.onExit(entry, code, signal));
  }

  private onExit(entry: Running, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const name = entry.app.name;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (code === EXIT_CANNOT_START) {
      this.log(`${name} ${how} and cannot start as configured; stopping every app`);
      void this.stop(1);
      return;
    }
    const uptimeMs = Date.now() - entry.startedAt;
    const { crashesInARow, delayMs } = nextRestart(this.policy, entry.crashesInARow, uptimeMs);
    entry.crashesInARow = crashesInARow;
    this.log(
      `${name} ${how} after ${formatSeconds(uptimeMs)}; restarting in ${formatSeconds(delayMs)}` +
        ` (crash ${crashesInARow} in a row)`,
    );
    entry.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.spawn(entry);
      this.log(`${name} restarted (pid ${entry.child?.pid})`);
    }, delayMs);
  }
}

function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
