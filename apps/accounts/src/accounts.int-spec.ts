import { ACCOUNTS_LIMITS, AccountsRpc, type AuthSession } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { loadConfig } from '@haven/infrastructure';
import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import { RpcClient, startServiceApp } from '@haven/messaging';
import { domainRejectionOf, waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountsModule } from './accounts.module';
import { AccountsConfig } from './config/accounts.config';

/**
 * The accounts service on its own database: several replicas booting at once, and what it writes
 * to its logs while handling credentials.
 */
const databaseUrl = `${inject('databaseUrl')}_accounts`;
const env: NodeJS.ProcessEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  REDIS_URL: inject('redisUrl'),
  REDIS_PREFIX: `${inject('redisPrefix')}_accounts`,
  BOOTSTRAP_ADMIN_EMAIL: 'First.Admin@Example.com',
  BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap admin password',
};

/** Keeps every log call (all levels) so the test can look for secrets in them. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private record(level: string, args: unknown[]): void {
    this.lines.push(
      `${level} ${JSON.stringify(args, (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value))}`,
    );
  }
  log(...args: unknown[]): void {
    this.record('log', args);
  }
  error(...args: unknown[]): void {
    this.record('error', args);
  }
  warn(...args: unknown[]): void {
    this.record('warn', args);
  }
  debug(...args: unknown[]): void {
    this.record('debug', args);
  }
  verbose(...args: unknown[]): void {
    this.record('verbose', args);
  }
  fatal(...args: unknown[]): void {
    this.record('fatal', args);
  }
}

let replicas: INestApplication[] = [];
let rpc: RpcClient;
let pool: Pool;
/** Its own vhost: the event queues are declared up front and would collect other files' events. */
let vhost: { url: string; remove(): Promise<void> };

async function startReplica(): Promise<INestApplication> {
  const config = loadConfig(AccountsConfig, env);
  return startServiceApp(AccountsModule.register(config), {
    service: 'accounts',
    consumesEvents: true,
    rabbitmqUrl: config.RABBITMQ_URL,
    logLevel: 'warn',
  });
}

beforeAll(async () => {
  await ensureDatabaseExists(databaseUrl);
  vhost = await createEmptyVhost('accounts');
  env.RABBITMQ_URL = vhost.url;
  // Three replicas boot at the same moment, each trying to create the bootstrap admin.
  replicas = await Promise.all([startReplica(), startReplica(), startReplica()]);
  rpc = new RpcClient(env.RABBITMQ_URL!, 10_000);
  pool = new Pool({ connectionString: databaseUrl, max: 2 });
});

afterAll(async () => {
  await rpc?.close();
  await Promise.all(replicas.map((app) => app.close()));
  await pool?.end();
  await vhost?.remove();
  await dropDatabase(databaseUrl);
});

describe('bootstrap admin', () => {
  it('is created exactly once when replicas start together', async () => {
    const { rows } = await pool.query(`SELECT email, roles FROM accounts.users`);
    expect(rows).toEqual([{ email: 'first.admin@example.com', roles: ['client', 'admin'] }]);
    const audit = await pool.query(`SELECT action, actor_id FROM accounts.audit_log`);
    expect(audit.rows).toEqual([{ action: 'user.admin-created', actor_id: null }]);
    const session = await rpc.send(AccountsRpc.login, {
      email: 'first.admin@example.com',
      password: 'bootstrap admin password',
    });
    expect(session.user.roles).toEqual(['client', 'admin']);
  });

  it('does nothing on a restart once an admin exists', async () => {
    const restarted = await startReplica();
    replicas.push(restarted);
    const { rows } = await pool.query(`SELECT count(*)::int AS admins FROM accounts.users WHERE 'admin' = ANY(roles)`);
    expect(rows[0].admins).toBe(1);
  });
});

describe('logs', () => {
  it('never carry passwords or tokens', async () => {
    const capture = new CapturingLogger();
    for (const app of replicas) app.useLogger(capture);

    const email = `secretive.${Date.now()}@example.test`;
    const password = 'my very secret password';
    const registered: AuthSession = await rpc.send(AccountsRpc.register, { email, password, name: 'Secret Keeper' });
    await expect(rpc.send(AccountsRpc.login, { email, password: 'a wrong password value' })).rejects.toBeInstanceOf(
      DomainError,
    );
    const session = await rpc.send(AccountsRpc.login, { email, password });
    const rotated = await rpc.send(AccountsRpc.refresh, { refreshToken: session.refreshToken });
    // Reuse: revokes the family and is logged as a warning.
    await expect(rpc.send(AccountsRpc.refresh, { refreshToken: session.refreshToken })).rejects.toBeInstanceOf(
      DomainError,
    );
    await rpc.send(AccountsRpc.requestPasswordReset, { email });
    // As the notifications service does: the event names the request, the RPC mints the token.
    const requestId = await waitFor(
      async () => {
        const { rows } = await pool.query(
          `SELECT envelope->'data'->>'requestId' AS "requestId" FROM accounts.outbox
           WHERE type = 'user.password-reset-requested' AND envelope->'data'->>'userId' = $1`,
          [registered.user.id],
        );
        return rows[0]?.requestId as string | undefined;
      },
      { what: 'the password reset event' },
    );
    const { token: resetToken } = await rpc.send(AccountsRpc.issuePasswordResetToken, { requestId });
    const newPassword = 'another secret password';
    await rpc.send(AccountsRpc.confirmPasswordReset, { token: resetToken, password: newPassword });
    await expect(
      rpc.send(AccountsRpc.confirmPasswordReset, { token: resetToken, password: newPassword }),
    ).rejects.toBeInstanceOf(DomainError);

    const logs = capture.lines.join('\n');
    expect(logs).toContain('refresh token reused');
    expect(logs).toContain('password reset requested');
    for (const secret of [
      password,
      'a wrong password value',
      newPassword,
      registered.refreshToken,
      registered.accessToken,
      session.refreshToken,
      rotated.refreshToken,
      rotated.accessToken,
      resetToken,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('checking a request', () => {
  it('names every bad field of a registration at once, with the limits the gateway uses', async () => {
    const rejection = await domainRejectionOf(
      rpc.send(AccountsRpc.register, {
        email: `${'a'.repeat(ACCOUNTS_LIMITS.maxEmailLength)}@example.test`,
        password: 'short',
        name: 'n'.repeat(ACCOUNTS_LIMITS.maxNameLength + 1),
        timezone: '+05:30',
      }),
    );
    expect(rejection).toMatchObject({ kind: 'validation' });
    expect(rejection.details?.map((detail) => detail.field)).toEqual(['email', 'password', 'name', 'timezone']);
    expect(rejection.message).toContain(`password: must be at least ${ACCOUNTS_LIMITS.minPasswordLength} characters`);
  });
});

describe('the last active admin', () => {
  async function makeAdmin(label: string): Promise<string> {
    const session: AuthSession = await rpc.send(AccountsRpc.register, {
      email: `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.test`,
      password: 'an admin password',
      name: `${label} Admin`,
    });
    await pool.query(`UPDATE accounts.users SET roles = '{client,admin}' WHERE id = $1`, [session.user.id]);
    return session.user.id;
  }

  /** Leaves exactly the given admins active: every other admin is demoted directly in the database. */
  async function onlyAdmins(ids: string[]): Promise<void> {
    await pool.query(
      `UPDATE accounts.users SET roles = array_remove(roles, 'admin') WHERE 'admin' = ANY(roles) AND NOT id = ANY($1)`,
      [ids],
    );
  }

  async function activeAdmins(): Promise<number> {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS admins FROM accounts.users WHERE 'admin' = ANY(roles) AND active`,
    );
    return rows[0].admins;
  }

  const asAdmin = (userId: string) => ({ actor: { userId, roles: ['client' as const, 'admin' as const] } });

  it('survives two admins demoting or deactivating each other at the same moment', async () => {
    for (const change of [{ roles: [] }, { active: false }, { roles: [] }, { active: false }]) {
      const [first, second] = await Promise.all([makeAdmin('mutual'), makeAdmin('mutual')]);
      await onlyAdmins([first, second]);
      const results = await Promise.allSettled([
        rpc.send(AccountsRpc.updateUser, { id: second, ...change }, asAdmin(first)),
        rpc.send(AccountsRpc.updateUser, { id: first, ...change }, asAdmin(second)),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(DomainError);
      // The second one is no longer an admin once the first change committed.
      expect((refused.reason as DomainError).kind).toBe('forbidden');
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('cannot be removed by an actor whose token still says admin', async () => {
    const [last, former] = await Promise.all([makeAdmin('last'), makeAdmin('former')]);
    await onlyAdmins([last]);
    for (const change of [{ roles: [] }, { active: false }]) {
      const error = await domainRejectionOf(rpc.send(AccountsRpc.updateUser, { id: last, ...change }, asAdmin(former)));
      expect(error.kind).toBe('forbidden');
    }
    expect(await activeAdmins()).toBe(1);
  });
});
