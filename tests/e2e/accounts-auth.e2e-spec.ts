import { AccountsRpc } from '@haven/contracts';
import { domainRejectionOf } from '@haven/testing';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  accountsOutboxEvent,
  closePlatformDb,
  closePlatformRpc,
  login,
  platformDb,
  platformRpc,
  registerUser,
  requestPasswordReset,
  requestPasswordResetToken,
} from '../support/accounts';
import { api, uniqueEmail } from '../support/http';

afterAll(async () => {
  await closePlatformRpc();
  await closePlatformDb();
});

/** Fails if any key anywhere in the body looks like a secret the API must never return. */
function expectNoSecrets(body: unknown): void {
  const keys: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        keys.push(key);
        walk(inner);
      }
    }
  };
  walk(body);
  expect(keys.filter((key) => /hash|password|salt/i.test(key))).toEqual([]);
  expect(JSON.stringify(body)).not.toMatch(/\$argon2/);
}

function jwtParts(token: string): { header: any; claims: any } {
  const [header, claims] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString()),
  };
}

function fieldsOf(body: any): string[] {
  return (body.details ?? []).map((detail: { field: string }) => detail.field);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('POST /auth/register', () => {
  it('creates a client account and signs it in', async () => {
    const email = uniqueEmail('reg');
    const response = await api('POST', '/auth/register', {
      email,
      password: '0123456789',
      name: 'Asha Rao',
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      name: 'Asha Rao',
      phone: null,
      timezone: 'Asia/Kolkata',
      roles: ['client'],
      active: true,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectNoSecrets(response.body);

    const me = await api('GET', '/me', undefined, { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body.user);
  });

  it('keeps phone and time zone, normalizing the e-mail address and phone', async () => {
    const email = uniqueEmail('Mixed.Case');
    const response = await api('POST', '/auth/register', {
      email: `  ${email.toUpperCase()} `,
      password: 'long enough password',
      name: 'Ravi Kumar',
      phone: '+91 98765-43210',
      timezone: 'America/New_York',
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({
      email: email.toLowerCase(),
      phone: '+919876543210',
      timezone: 'America/New_York',
    });
  });

  it('announces the new user with user.registered', async () => {
    const { user } = await registerUser('announced');
    const event = await accountsOutboxEvent('user.registered', { userId: user.id });
    expect(event?.data).toMatchObject({ userId: user.id, email: user.email, name: user.name, roles: ['client'] });
    expectNoSecrets(event?.data);
  });

  it('answers 409 when the e-mail address is taken, whatever its case', async () => {
    const existing = await registerUser('taken');
    for (const email of [existing.email, existing.email.toUpperCase()]) {
      const response = await api('POST', '/auth/register', { email, password: 'another password', name: 'Other' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    }
  });

  it('gives one account when the same address registers twice at once', async () => {
    const email = uniqueEmail('race');
    const attempts = await Promise.all(
      [0, 1, 2].map(() => api('POST', '/auth/register', { email, password: 'race password 1', name: 'Racer' })),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a roles field, naming it', async () => {
    const response = await api('POST', '/auth/register', {
      email: uniqueEmail('sneaky'),
      password: 'long enough password',
      name: 'Sneaky',
      roles: ['admin'],
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['roles']);
    expect(response.body.message).toMatch(/roles/);
  });

  it.each([
    ['email', { email: undefined }],
    ['email', { email: 'not-an-address' }],
    ['email', { email: 42 }],
    ['password', { password: '012345678' }],
    ['password', { password: undefined }],
    ['password', { password: 1234567890 }],
    ['name', { name: undefined }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(101) }],
    ['phone', { phone: '98765 43210' }],
    ['phone', { phone: 'call me' }],
    ['timezone', { timezone: 'Mars/Olympus_Mons' }],
    ['timezone', { timezone: '+05:30' }],
    ['active', { active: true }],
    ['isAdmin', { isAdmin: true }],
  ])('answers 400 naming %s for %j', async (field, override) => {
    const body = { email: uniqueEmail('bad'), password: 'long enough password', name: 'Bad Input', ...override };
    const response = await api('POST', '/auth/register', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(fieldsOf(response.body)).toContain(field);
    expect(response.body.message).toContain(field);
  });
});

describe('POST /auth/login', () => {
  it('signs in with the right password, whatever the case of the address', async () => {
    const registered = await registerUser('login');
    const response = await api('POST', '/auth/login', {
      email: registered.email.toUpperCase(),
      password: registered.password,
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual(registered.user);
    expect(response.body.refreshToken).not.toBe(registered.refreshToken);
    expectNoSecrets(response.body);
  });

  it('issues an EdDSA access token of about 15 minutes carrying the roles', async () => {
    const { accessToken, user } = await registerUser('jwt');
    const { header, claims } = jwtParts(accessToken);
    expect(header.alg).toBe('EdDSA');
    expect(claims).toMatchObject({ sub: user.id, roles: ['client'], iss: 'haven-accounts', aud: 'haven' });
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('answers 401 with the same message for a wrong password and an unknown address', async () => {
    const registered = await registerUser('wrongpw');
    const wrong = await api('POST', '/auth/login', { email: registered.email, password: 'not the password' });
    const unknown = await api('POST', '/auth/login', { email: uniqueEmail('ghost'), password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(unknown.body.code).toBe(wrong.body.code);
  });

  it('answers 400 for a missing password and unknown fields', async () => {
    const missing = await api('POST', '/auth/login', { email: uniqueEmail('x') });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toContain('password');
    const extra = await api('POST', '/auth/login', { email: uniqueEmail('x'), password: 'whatever123', remember: 1 });
    expect(extra.status).toBe(400);
    expect(fieldsOf(extra.body)).toContain('remember');
  });

  it('blocks an account with 429 after 10 failed logins, even for the right password', async () => {
    const target = await registerUser('brute');
    const bystander = await registerUser('bystander');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await api('POST', '/auth/login', { email: target.email, password: `wrong guess ${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const blocked = await api('POST', '/auth/login', { email: target.email, password: target.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const differentCase = await api('POST', '/auth/login', {
      email: target.email.toUpperCase(),
      password: target.password,
    });
    expect(differentCase.status).toBe(429);
    // Only that account is limited.
    await login(bystander.email, bystander.password);
  });

  it('counts attempts before checking them: of 30 parallel wrong passwords only the limit is checked', async () => {
    const target = await registerUser('parallel-brute');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, attempt) =>
        api('POST', '/auth/login', { email: target.email, password: `parallel guess ${attempt}` }),
      ),
    );
    const statuses = results.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const right = await api('POST', '/auth/login', { email: target.email, password: target.password });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('too_many_failed_logins');
  });

  it('limits unknown addresses the same way', async () => {
    const email = uniqueEmail('nobody');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await api('POST', '/auth/login', { email, password: 'wrong guess 123' })).status).toBe(401);
    }
    expect((await api('POST', '/auth/login', { email, password: 'wrong guess 123' })).status).toBe(429);
  });

  it('forgets earlier failures after a successful login', async () => {
    const user = await registerUser('forgetful');
    const fail = async (): Promise<void> => {
      const response = await api('POST', '/auth/login', { email: user.email, password: 'wrong password!' });
      expect(response.status).toBe(401);
    };
    for (let attempt = 0; attempt < 9; attempt += 1) await fail();
    await login(user.email, user.password);
    for (let attempt = 0; attempt < 9; attempt += 1) await fail();
    await login(user.email, user.password);
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: a new pair each time, and the old refresh token is spent', async () => {
    const { refreshToken, user } = await registerUser('rotate');
    const first = await api('POST', '/auth/refresh', { refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    expect(jwtParts(first.body.accessToken).claims.sub).toBe(user.id);
    expectNoSecrets(first.body);
    const me = await api('GET', '/me', undefined, { token: first.body.accessToken });
    expect(me.status).toBe(200);

    const second = await api('POST', '/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
  });

  it('treats a reused token as theft: 401 and the whole family is revoked', async () => {
    const { refreshToken } = await registerUser('reuse');
    const rotated = await api('POST', '/auth/refresh', { refreshToken });
    expect(rotated.status).toBe(200);
    const newest = await api('POST', '/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(newest.status).toBe(200);

    const replay = await api('POST', '/auth/refresh', { refreshToken });
    expect(replay.status).toBe(401);
    // The legitimate holder's newest token died with the family.
    const afterReplay = await api('POST', '/auth/refresh', { refreshToken: newest.body.refreshToken });
    expect(afterReplay.status).toBe(401);
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const { refreshToken } = await registerUser('racer');
    const results = await Promise.all([0, 1, 2].map(() => api('POST', '/auth/refresh', { refreshToken })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 401, 401]);
  });

  it('keeps other sessions of the user alive when one family is revoked', async () => {
    const user = await registerUser('sessions');
    const other = await login(user.email, user.password);
    await api('POST', '/auth/refresh', { refreshToken: user.refreshToken });
    expect((await api('POST', '/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('answers 401 for unknown, malformed and expired tokens, 400 without one', async () => {
    const unknown = await api('POST', '/auth/refresh', { refreshToken: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    const malformed = await api('POST', '/auth/refresh', { refreshToken: 'definitely-not-a-token' });
    expect(malformed.status).toBe(401);
    const missing = await api('POST', '/auth/refresh', {});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toContain('refreshToken');

    const { refreshToken } = await registerUser('expired');
    await platformDb().query(
      `UPDATE accounts.refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(refreshToken)],
    );
    expect((await api('POST', '/auth/refresh', { refreshToken })).status).toBe(401);
  });

  it('stores refresh tokens only as hashes', async () => {
    const { refreshToken, user } = await registerUser('hashed');
    const { rows } = await platformDb().query(`SELECT * FROM accounts.refresh_tokens WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
    expect(rows[0].token_hash).toBe(sha256(refreshToken));
  });
});

describe('POST /auth/logout', () => {
  it('needs a bearer token', async () => {
    const { refreshToken } = await registerUser('anonymous-logout');
    const response = await api('POST', '/auth/logout', { refreshToken });
    expect(response.status).toBe(401);
    expect((await api('POST', '/auth/refresh', { refreshToken })).status).toBe(200);
  });

  it('ends the session of the refresh token: 204, then the token is refused', async () => {
    const user = await registerUser('logout');
    const otherSession = await login(user.email, user.password);
    const response = await api(
      'POST',
      '/auth/logout',
      { refreshToken: user.refreshToken },
      { token: user.accessToken },
    );
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await api('POST', '/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { refreshToken: otherSession.refreshToken })).status).toBe(200);
  });

  it("answers 204 but leaves someone else's session alone", async () => {
    const victim = await registerUser('victim');
    const attacker = await registerUser('attacker');
    const response = await api(
      'POST',
      '/auth/logout',
      { refreshToken: victim.refreshToken },
      { token: attacker.accessToken },
    );
    expect(response.status).toBe(204);
    expect((await api('POST', '/auth/refresh', { refreshToken: victim.refreshToken })).status).toBe(200);
  });

  it('answers 204 for an unknown token and 400 without one', async () => {
    const user = await registerUser('logout-unknown');
    expect(
      (await api('POST', '/auth/logout', { refreshToken: 'B'.repeat(43) }, { token: user.accessToken })).status,
    ).toBe(204);
    expect((await api('POST', '/auth/logout', {}, { token: user.accessToken })).status).toBe(400);
  });
});

describe('password reset', () => {
  it('answers 202 for unknown addresses too, with the same body as for a known one', async () => {
    const user = await registerUser('known-reset');
    const unknown = await api('POST', '/auth/password-reset/request', { email: uniqueEmail('unknown-reset') });
    const known = await api('POST', '/auth/password-reset/request', { email: user.email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.text).toBe(known.text);
  });

  it('answers before any work that only a known address needs, so timing tells nothing', async () => {
    const user = await registerUser('timed-reset');
    // Block the reset requests table: an answer that waited for the known address's write would hang.
    const blocker = await platformDb().connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE accounts.password_reset_requests IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const response = await api('POST', '/auth/password-reset/request', { email: user.email });
      expect(response.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect(await accountsOutboxEvent('user.password-reset-requested', { userId: user.user.id })).toBeDefined();

    // And over many calls, known and unknown addresses take the same time within a tolerance.
    const timeOf = async (email: string): Promise<number> => {
      const started = performance.now();
      expect((await api('POST', '/auth/password-reset/request', { email })).status).toBe(202);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 15; round += 1) {
      known.push(await timeOf(user.email));
      unknown.push(await timeOf(uniqueEmail('timed-unknown')));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(25);
  });

  it('answers 400 for a malformed address', async () => {
    const response = await api('POST', '/auth/password-reset/request', { email: 'nope' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain('email');
  });

  it('resets the password with the mailed token and ends every session', async () => {
    const user = await registerUser('reset');
    const otherSession = await login(user.email, user.password);
    const { token, requestId } = await requestPasswordReset(user.email.toUpperCase());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const event = await accountsOutboxEvent('user.password-reset-requested', { requestId });
    // The event names the request, never a secret or contact data.
    expect(Object.keys(event!.data).sort()).toEqual(['expiresAt', 'requestId', 'userId']);
    expect(event!.data.userId).toBe(user.user.id);
    expect(Date.parse(event!.data.expiresAt) - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(Date.parse(event!.data.expiresAt) - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    // Stored only as a hash, queued nowhere.
    const { rows } = await platformDb().query(`SELECT * FROM accounts.password_reset_requests WHERE user_id = $1`, [
      user.user.id,
    ]);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const outbox = await platformDb().query(`SELECT envelope::text AS text FROM accounts.outbox`);
    expect(outbox.rows.some((row) => row.text.includes(token))).toBe(false);

    const tooShort = await api('POST', '/auth/password-reset/confirm', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(fieldsOf(tooShort.body)).toContain('password');

    const newPassword = 'a brand new password';
    const confirmed = await api('POST', '/auth/password-reset/confirm', { token, password: newPassword });
    expect(confirmed.status).toBe(204);

    expect((await api('POST', '/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    await login(user.email, newPassword);
    for (const refreshToken of [user.refreshToken, otherSession.refreshToken]) {
      expect((await api('POST', '/auth/refresh', { refreshToken })).status).toBe(401);
    }

    const again = await api('POST', '/auth/password-reset/confirm', { token, password: 'yet another password' });
    expect(again.status).toBe(400);
    expect(fieldsOf(again.body)).toEqual(['token']);
  });

  it('refuses unknown, superseded and expired tokens with 400 naming token', async () => {
    const unknown = await api('POST', '/auth/password-reset/confirm', {
      token: 'C'.repeat(43),
      password: 'perfectly fine password',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['token']);

    const user = await registerUser('stale-reset');
    const first = await requestPasswordResetToken(user.email);
    const second = await requestPasswordResetToken(user.email);
    expect(second).not.toBe(first);
    const superseded = await api('POST', '/auth/password-reset/confirm', { token: first, password: 'new password 1' });
    expect(superseded.status).toBe(400);

    await platformDb().query(
      `UPDATE accounts.password_reset_requests SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(second)],
    );
    const expired = await api('POST', '/auth/password-reset/confirm', { token: second, password: 'new password 2' });
    expect(expired.status).toBe(400);
    await login(user.email, user.password);
  });
});

describe('issuing a reset token (internal RPC of the notifications service)', () => {
  it('replaces the token on a second call, and is not_found once used, superseded or expired', async () => {
    const rpc = platformRpc();
    const user = await registerUser('issue-token');
    const { token: first, requestId } = await requestPasswordReset(user.email);
    const second = await rpc.send(AccountsRpc.issuePasswordResetToken, { requestId });
    expect(second).toMatchObject({ userId: user.user.id, expiresAt: expect.stringMatching(/Z$/) });
    expect(second.token).not.toBe(first);
    // Only the latest mailed link works.
    const stale = await api('POST', '/auth/password-reset/confirm', { token: first, password: 'a new password 1' });
    expect(stale.status).toBe(400);
    expect(
      (await api('POST', '/auth/password-reset/confirm', { token: second.token, password: 'a new pw 2!' })).status,
    ).toBe(204);
    expect((await domainRejectionOf(rpc.send(AccountsRpc.issuePasswordResetToken, { requestId }))).kind).toBe(
      'not_found',
    );

    const older = await requestPasswordReset(user.email);
    const newer = await requestPasswordReset(user.email);
    expect(
      (await domainRejectionOf(rpc.send(AccountsRpc.issuePasswordResetToken, { requestId: older.requestId }))).kind,
    ).toBe('not_found');
    await platformDb().query(
      `UPDATE accounts.password_reset_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [newer.requestId],
    );
    expect(
      (await domainRejectionOf(rpc.send(AccountsRpc.issuePasswordResetToken, { requestId: newer.requestId }))).kind,
    ).toBe('not_found');
    for (const requestId of ['nope', '00000000-0000-4000-8000-000000000000']) {
      expect((await domainRejectionOf(rpc.send(AccountsRpc.issuePasswordResetToken, { requestId }))).kind).toBe(
        'not_found',
      );
    }
  });

  it('is not a route of the public API', async () => {
    for (const path of ['/auth/password-reset/issue-token', '/auth/password-reset/token']) {
      expect((await api('POST', path, { requestId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    }
  });
});

describe('/me', () => {
  it('needs a valid bearer token', async () => {
    expect((await api('GET', '/me')).status).toBe(401);
    expect((await api('GET', '/me', undefined, { token: 'not.a.jwt' })).status).toBe(401);
    const { accessToken } = await registerUser('tampered');
    const [header, , signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'] })).toString('base64url');
    expect((await api('GET', '/me', undefined, { token: `${header}.${forged}.${signature}` })).status).toBe(401);
  });

  it('updates name, phone and time zone', async () => {
    const user = await registerUser('profile', { phone: '+919876543210' });
    const response = await api(
      'PATCH',
      '/me',
      { name: '  Meera  Iyer ', timezone: 'Europe/London' },
      { token: user.accessToken },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: user.user.id,
      name: 'Meera Iyer',
      timezone: 'Europe/London',
      phone: '+919876543210',
    });
    expectNoSecrets(response.body);

    const cleared = await api('PATCH', '/me', { phone: null }, { token: user.accessToken });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phone).toBeNull();
    const me = await api('GET', '/me', undefined, { token: user.accessToken });
    expect(me.body).toMatchObject({ name: 'Meera Iyer', timezone: 'Europe/London', phone: null });

    const event = await accountsOutboxEvent('user.updated', { userId: user.user.id, timezone: 'Europe/London' });
    expect(event?.data).toMatchObject({ userId: user.user.id, name: 'Meera Iyer' });
  });

  it.each([
    ['timezone', { timezone: 'Not/AZone' }],
    ['timezone', { timezone: null }],
    ['name', { name: '' }],
    ['name', { name: null }],
    ['phone', { phone: '12345' }],
    ['roles', { roles: ['admin'] }],
    ['email', { email: 'new@example.test' }],
    ['active', { active: false }],
  ])('answers 400 naming %s for %j', async (field, body) => {
    const user = await registerUser('badpatch');
    const response = await api('PATCH', '/me', body, { token: user.accessToken });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
    const me = await api('GET', '/me', undefined, { token: user.accessToken });
    expect(me.body).toEqual(user.user);
  });
});
