import type { AuthSession, EventEnvelope, UserView } from '@haven/contracts';
import { Pool } from 'pg';
import { expect, inject } from 'vitest';
import { api, uniqueEmail } from './http';

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
 * returns a fresh access token that carries it.
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
    if ((me.body?.roles as string[] | undefined)?.includes(role)) return freshToken(user);
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

/** Asks for a password reset and returns the raw token the notifications service would mail. */
export async function requestPasswordResetToken(email: string): Promise<string> {
  const response = await api('POST', '/auth/password-reset/request', { email });
  expect(response.status).toBe(202);
  const event = await accountsOutboxEvent<{ token: string }>('user.password-reset-requested', {
    email: email.trim().toLowerCase(),
  });
  if (!event) throw new Error(`no password reset event for ${email}`);
  return event.data.token;
}
