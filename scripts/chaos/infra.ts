import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * The first of `count` consecutive TCP ports nothing listens on right now, between `min` and `max`.
 * Keep the range below the kernel's ephemeral ports (32768 and up on Linux): a port picked there can be
 * taken by an outgoing connection before the app that should listen on it starts.
 */
export async function freePort(min: number, max: number, count = 1): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = min + Math.floor(Math.random() * (max - min - count));
    const ports = Array.from({ length: count }, (_, index) => first + index);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return first;
  }
  throw new Error(`no ${count} free TCP port(s) found between ${min} and ${max}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

function rabbitmqBinary(name: 'rabbitmq-server' | 'rabbitmqctl'): string {
  // The packaged wrappers in /usr/sbin switch to the rabbitmq user, which cannot use our temp dir.
  const direct = `/usr/lib/rabbitmq/bin/${name}`;
  return existsSync(direct) ? direct : name;
}

/**
 * A RabbitMQ node of the chaos run's own, on free ports, with its data and Erlang cookie in a temp
 * dir and no plugins: stopping its application is a broker outage nobody else sees.
 */
export class OwnRabbitMq {
  readonly node = `haven-chaos-${process.pid}@localhost`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'haven-chaos-rabbitmq-'));
  private port = 0;

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort(28_000, 32_000);
    // The CLI tools use ports distPort + 10000..10010: keep that range below 65535 and off others'.
    const distPort = await freePort(28_000, 32_000);
    writeFileSync(join(this.dir, 'rabbitmq.conf'), `listeners.tcp.1 = 127.0.0.1:${this.port}\nloopback_users = none\n`);
    writeFileSync(join(this.dir, 'enabled_plugins'), '[].\n');
    const env = {
      ...process.env,
      HOME: this.dir,
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_PID_FILE: join(this.dir, 'pid'),
    };
    await run(rabbitmqBinary('rabbitmq-server'), ['-detached'], { env, cwd: this.dir });
    await until('RabbitMQ node start', () => this.ctl(['await_startup']).then(() => true), 90_000);
  }

  /** `rabbitmqctl stop_app`: connections drop, the node stays, queues persist. */
  async stopApp(): Promise<void> {
    await this.ctl(['stop_app']);
  }

  async startApp(): Promise<void> {
    await this.ctl(['start_app']);
    await this.ctl(['await_startup']);
  }

  async stop(): Promise<void> {
    await this.ctl(['stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async ctl(args: string[]): Promise<string> {
    const { stdout } = await run(rabbitmqBinary('rabbitmqctl'), ['-n', this.node, '-q', ...args], {
      env: { ...process.env, HOME: this.dir },
      timeout: 60_000,
    });
    return stdout;
  }
}

/** A redis-server of the chaos run's own that keeps nothing on disk: a restart loses every key. */
export class OwnRedis {
  private process?: ChildProcess;
  private port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort(28_000, 32_000);
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await until('redis-server start', () => this.ping(), 20_000);
  }

  /** SIGKILL and start again on the same port, empty. */
  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private async ping(): Promise<boolean> {
    const { stdout } = await run('redis-cli', ['-p', String(this.port), 'ping']);
    return stdout.trim() === 'PONG';
  }
}

/** A database of the run's own on the shared PostgreSQL server, dropped at the end. */
export class OwnDatabase {
  readonly name = `haven_chaos_${process.pid}_${Date.now().toString(36)}`;

  constructor(private readonly serverUrl: string) {}

  get url(): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  async create(): Promise<void> {
    await this.admin(`CREATE DATABASE "${this.name}"`);
  }

  async drop(): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`).catch(() => undefined);
  }

  private async admin(sql: string): Promise<void> {
    const url = new URL(this.serverUrl);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** The run's scratch directory (logs, mail outbox). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'haven-chaos-'));
  mkdirSync(join(dir, 'logs'));
  mkdirSync(join(dir, 'outbox'));
  return dir;
}
