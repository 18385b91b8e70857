import { describe, expect, it } from 'vitest';
import { refreshCookieOptions } from './refresh-cookie';

describe('refresh cookie options', () => {
  it('is HttpOnly, SameSite=Strict and scoped to the auth endpoints', () => {
    expect(refreshCookieOptions({ protocol: 'https', hostname: 'haven.example' })).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/api/v1/auth',
    });
  });

  it('drops Secure only for plain http on this machine', () => {
    expect(refreshCookieOptions({ protocol: 'http', hostname: '127.0.0.1' }).secure).toBe(false);
    expect(refreshCookieOptions({ protocol: 'http', hostname: 'localhost' }).secure).toBe(false);
    expect(refreshCookieOptions({ protocol: 'https', hostname: 'localhost' }).secure).toBe(true);
    // Behind a TLS-terminating proxy that is not trusted, the request looks like http: still Secure.
    expect(refreshCookieOptions({ protocol: 'http', hostname: 'haven.example' }).secure).toBe(true);
  });
});
