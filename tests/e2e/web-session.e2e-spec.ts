import { describe, expect, it } from 'vitest';
import { registerUser } from '../support/accounts';
import { api } from '../support/http';

const COOKIE = 'haven_refresh';

/** The refresh cookie a response sets (name=value and its attributes), or undefined. */
function refreshCookie(headers: Headers): { value: string; attributes: string[] } | undefined {
  const line = headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair!.slice(COOKIE.length + 1)), attributes };
}

const withCookie = (value: string) => ({ headers: { cookie: `${COOKIE}=${encodeURIComponent(value)}` } });

describe('the web app’s refresh cookie, beside the JSON contract', () => {
  it('login sets it HttpOnly, SameSite=Strict, on the auth path only, not Secure on plain http at 127.0.0.1', async () => {
    const user = await registerUser('cookie');
    const login = await api('POST', '/auth/login', { email: user.email, password: user.password });
    expect(login.status).toBe(200);
    // API clients still get the token in the body.
    expect(login.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = refreshCookie(login.headers);
    expect(cookie?.value).toBe(login.body.refreshToken);
    expect(cookie?.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/auth', `Max-Age=${30 * 24 * 3600}`]),
    );
    expect(cookie?.attributes).not.toContain('Secure');
  });

  it('refreshes from the cookie alone, rotating it; a spent cookie is refused and cleared', async () => {
    const user = await registerUser('cookie-refresh');
    const first = await api('POST', '/auth/refresh', {}, withCookie(user.refreshToken));
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const rotated = refreshCookie(first.headers);
    expect(rotated?.value).toBe(first.body.refreshToken);
    expect(rotated?.value).not.toBe(user.refreshToken);

    const me = await api('GET', '/me', undefined, { token: first.body.accessToken });
    expect(me.body.email).toBe(user.email);

    // Replaying the spent cookie is reuse: 401, and the browser is told to forget it.
    const replay = await api('POST', '/auth/refresh', {}, withCookie(user.refreshToken));
    expect(replay.status).toBe(401);
    const cleared = refreshCookie(replay.headers);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('without a token in the body or a cookie, refresh is a 400 naming refreshToken', async () => {
    const response = await api('POST', '/auth/refresh', {});
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'refreshToken', message: 'is required' }]);
  });

  it('logout ends the cookie’s session and clears the cookie', async () => {
    const user = await registerUser('cookie-logout');
    const logout = await api('POST', '/auth/logout', {}, { token: user.accessToken, ...withCookie(user.refreshToken) });
    expect(logout.status).toBe(204);
    const cleared = refreshCookie(logout.headers);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/auth']));
    expect((await api('POST', '/auth/refresh', {}, withCookie(user.refreshToken))).status).toBe(401);
  });
});
