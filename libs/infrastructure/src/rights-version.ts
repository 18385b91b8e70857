import type { Redis } from 'ioredis';

/**
 * Every user has a rights version, raised whenever their roles or active flag change. Access
 * tokens carry the version they were issued at (`rv`); the gateway refuses a token older than the
 * user's current version (`token_stale`). Redis holds the current version of users whose rights
 * changed recently: accounts writes it right after the change commits, and again from the
 * `user.updated` event (at least once). A key only has to outlive the access tokens issued before
 * the change, so it expires after one access-token lifetime plus a margin.
 */
export const rightsVersionKey = (prefix: string, userId: string): string => `${prefix}:rights-version:${userId}`;

/** Raises the stored version, never lowers it: a late or redelivered older version changes nothing. */
const RAISE_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
  return 1
end
return 0`;

export async function raiseRightsVersion(
  redis: Redis,
  prefix: string,
  userId: string,
  version: number,
  ttlSeconds: number,
): Promise<void> {
  await redis.eval(RAISE_SCRIPT, 1, rightsVersionKey(prefix, userId), String(version), String(ttlSeconds));
}

/** The user's current rights version; 0 when nothing changed within an access-token lifetime. */
export async function currentRightsVersion(redis: Redis, prefix: string, userId: string): Promise<number> {
  const stored = await redis.get(rightsVersionKey(prefix, userId));
  return stored === null ? 0 : Number(stored);
}
