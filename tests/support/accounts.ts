import { type AuthSession, type EventEnvelope, type UserView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { Pool } from 'pg';
import { expect, inject } from 'vitest';
import { api, uniqueEmail } from './http';
import { mailsTo } from './mail';

export interface RegisteredUser {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  email: string;
  password: string;
}

export interface RegisterOptions {
  name?: string;
  phone?: string;
  timezone?: string;
  password?: string;
  email?: string;
}

/** Registers a fresh user (role `client`) through the public API and returns their session. */
export async function registerUser(label = 'user', options: RegisterOptions = {}): Promise<RegisteredUser> {
  const email = options.email ?? uniqueEmail(label);
  const password = options.password ?? `pw-${label}-${Math.random().toString(36).slice(2)}-long`;
  const body: Record<string, string> = { email, password, name: options.name ?? `${capitalize(label)} Tester` };
  if (options.phone) body.phone = options.phone;
  if (options.timezone) body.timezone = options.timezone;
  const response = await api<AuthSession>('POST', '/auth/register', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return {
    user: response.body.user,
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    email,
    password,
  };
}

/** Logs in and returns the whole session; fails the test unless the login succeeds. */
export async function login(email: string, password: string): Promise<AuthSession> {
  const response = await api<AuthSession>('POST', '/auth/login', { email, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

let adminSession: Promise<AuthSession> | undefined;

/** An access token of the bootstrap admin (one login per test file). */
export async function loginAdmin(): Promise<string> {
  adminSession ??= login(inject('adminEmail'), inject('adminPassword'));
  return (await adminSession).accessToken;
}

/** The bootstrap admin's user record. */
export async function adminUser(): Promise<UserView> {
  adminSession ??= login(inject('adminEmail'), inject('adminPassword'));
  return (await adminSession).user;
}

/**
 * A fresh access token carrying the user's current roles (after a role change, e.g. once an
 * application was approved and the `counselor` role granted). Logs in again.
 */
export async function freshToken(user: Pick<RegisteredUser, 'email' | 'password'>): Promise<string> {
  return (await login(user.email, user.password)).accessToken;
}

/**
 * Waits until the user's roles include `role` (role grants from events are asynchronous), then
 * returns a fresh access token that carries it. The grant makes the old token stale (401
 * `token_stale`), which also says the roles changed.
 */
export async function waitForRole(
  user: Pick<RegisteredUser, 'email' | 'password'>,
  role: string,
  timeoutMs = 10_000,
): Promise<string> {
  const session = await login(user.email, user.password);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const me = await api<UserView>('GET', '/me', undefined, { token: session.accessToken });
    if (isStale(me) || (me.body?.roles as string[] | undefined)?.includes(role)) {
      const token = await freshToken(user);
      const now = await api<UserView>('GET', '/me', undefined, { token });
      if (now.body?.roles?.includes(role as never)) return token;
    }
    if (Date.now() > deadline) throw new Error(`${user.email} did not get role ${role} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Grants (or removes) finance/admin roles through the admin API; returns a fresh token with them. */
export async function setGrantableRoles(
  user: Pick<RegisteredUser, 'user' | 'email' | 'password'>,
  roles: ('finance' | 'admin')[],
): Promise<string> {
  const response = await api('PATCH', `/admin/users/${user.user.id}`, { roles }, { token: await loginAdmin() });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return freshToken(user);
}

/** The gateway refused the access token because the user's rights changed since it was issued. */
export function isStale(response: { status: number; body: unknown }): boolean {
  return response.status === 401 && (response.body as { code?: string } | undefined)?.code === 'token_stale';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

let pool: Pool | undefined;

/** A connection pool to the platform's database, for tests that inspect or age rows. */
export function platformDb(): Pool {
  if (!pool) {
    const env = JSON.parse(inject('platformEnv')) as NodeJS.ProcessEnv;
    pool = new Pool({ connectionString: env.DATABASE_URL, max: 2 });
  }
  return pool;
}

export async function closePlatformDb(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

/**
 * The newest event of `type` the accounts service wrote to its outbox whose data matches `where`
 * (e.g. `{ email }`), waiting briefly for it to appear.
 */
export async function accountsOutboxEvent<T = any>(
  type: string,
  where: Record<string, string>,
  timeoutMs = 5000,
): Promise<EventEnvelope<T> | undefined> {
  const deadline = Date.now() + timeoutMs;
  const conditions = Object.keys(where)
    .map((key, index) => `envelope->'data'->>'${key.replace(/'/g, "''")}' = $${index + 2}`)
    .join(' AND ');
  for (;;) {
    const { rows } = await platformDb().query<{ envelope: EventEnvelope<T> }>(
      `SELECT envelope FROM accounts.outbox WHERE type = $1 ${conditions ? `AND ${conditions}` : ''}
       ORDER BY created_at DESC LIMIT 1`,
      [type, ...Object.values(where)],
    );
    if (rows[0]) return rows[0].envelope;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let rpc: RpcClient | undefined;

/** An RPC client on the platform's broker, for what only services may ask (internal RPCs). */
export function platformRpc(): RpcClient {
  rpc ??= new RpcClient((JSON.parse(inject('platformEnv')) as NodeJS.ProcessEnv).RABBITMQ_URL!, 10_000);
  return rpc;
}

export async function closePlatformRpc(): Promise<void> {
  await rpc?.close();
  rpc = undefined;
}

/** The ids of the reset requests announced for the user so far (what the notifications service receives). */
async function resetRequestIds(userId: string): Promise<string[]> {
  const { rows } = await platformDb().query<{ requestId: string }>(
    `SELECT envelope->'data'->>'requestId' AS "requestId" FROM accounts.outbox
     WHERE type = 'user.password-reset-requested' AND envelope->'data'->>'userId' = $1`,
    [userId],
  );
  return rows.map((row) => row.requestId);
}

const RESET_SUBJECT = /reset your haven password/i;
const RESET_LINK = /\/reset-password\?token=([^\s"<&]+)/;

/**
 * Asks for a password reset over HTTP and reads the link's token from the mail the user receives
 * (notifications mints it through accounts at send time). Returns the token and its request.
 */
export async function requestPasswordReset(email: string): Promise<{ token: string; requestId: string }> {
  const { rows } = await platformDb().query<{ id: string }>(`SELECT id FROM accounts.users WHERE email = $1`, [
    email.trim().toLowerCase(),
  ]);
  if (!rows[0]) throw new Error(`no account for ${email}`);
  const before = new Set(await resetRequestIds(rows[0].id));
  const mailedBefore = (await mailsTo(email)).filter((mail) => RESET_SUBJECT.test(mail.subject)).length;
  const response = await api('POST', '/auth/password-reset/request', { email });
  expect(response.status).toBe(202);
  const mail = await waitFor(
    async () => (await mailsTo(email)).filter((candidate) => RESET_SUBJECT.test(candidate.subject))[mailedBefore],
    { timeoutMs: 20_000, intervalMs: 100, what: `the password-reset mail to ${email}` },
  );
  const token = RESET_LINK.exec(mail.text)?.[1];
  if (!token) throw new Error(`the password-reset mail to ${email} has no link`);
  const requestId = (await resetRequestIds(rows[0].id)).find((id) => !before.has(id));
  if (!requestId) throw new Error(`no password reset request for ${email}`);
  return { token: decodeURIComponent(token), requestId };
}

/** The raw token the notifications service would mail for a new reset request. */
export async function requestPasswordResetToken(email: string): Promise<string> {
  return (await requestPasswordReset(email)).token;
}
