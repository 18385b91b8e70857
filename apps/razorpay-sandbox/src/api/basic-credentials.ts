import { timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries exactly `keyId:keySecret`, compared in constant time. */
export function basicCredentialsMatch(header: string | undefined, expected: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1], 'base64');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
