import type { CookieOptions, Request, Response } from 'express';

/**
 * The web app's refresh token lives in this cookie, which its JavaScript cannot read (`HttpOnly`)
 * and which no other site can make the browser send (`SameSite=Strict`). API clients keep using
 * the `refreshToken` of the JSON body; the cookie is an addition beside it.
 */
export const REFRESH_COOKIE = 'haven_refresh';
/** Only the endpoints that spend or end a refresh token ever see it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * `Secure` everywhere except plain http on this machine, where a browser would otherwise drop the
 * cookie (development, tests). Behind a TLS-terminating proxy the host is not loopback, so it stays on.
 */
export function isInsecureLoopback(request: Pick<Request, 'protocol' | 'hostname'>): boolean {
  return request.protocol === 'http' && LOOPBACK_HOSTS.has(request.hostname);
}

export function refreshCookieOptions(request: Pick<Request, 'protocol' | 'hostname'>): CookieOptions {
  return {
    httpOnly: true,
    secure: !isInsecureLoopback(request),
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  };
}

export function setRefreshCookie(request: Request, response: Response, refreshToken: string, ttlDays: number): void {
  response.cookie(REFRESH_COOKIE, refreshToken, {
    ...refreshCookieOptions(request),
    maxAge: ttlDays * 24 * 60 * 60 * 1000,
  });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(request));
}

export function readRefreshCookie(request: Request): string | undefined {
  const cookies = (request as Request & { cookies?: Record<string, unknown> }).cookies;
  const value = cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
