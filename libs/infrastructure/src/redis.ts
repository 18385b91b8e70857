import { Redis } from 'ioredis';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A Redis client for counters that fall back to memory while Redis is away (rate limits, failed
 * logins): without an offline queue its commands fail at once instead of waiting for Redis to come
 * back. It gets up to three seconds to connect before first use.
 */
export async function connectFailFastRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  await Promise.race([once(redis, 'ready'), sleep(3000)]);
  return redis;
}
