import { createHash, randomBytes } from 'node:crypto';

const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: what refresh and password-reset tokens look like to clients. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored; a database leak hands out no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database (calendar-feed HMACs have the same 43 characters). */
export function looksLikeOpaqueToken(value: unknown): value is string {
  return typeof value === 'string' && OPAQUE_TOKEN.test(value);
}
