import { describe, expect, inject, it } from 'vitest';
import { connectFailFastRedis } from './redis';

describe('connectFailFastRedis', () => {
  it('is ready to use once it returns', async () => {
    const redis = await connectFailFastRedis(inject('redisUrl'));
    try {
      expect(redis.status).toBe('ready');
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });

  it('fails commands at once while the connection is lost, instead of queueing them', async () => {
    const redis = await connectFailFastRedis(inject('redisUrl'));
    try {
      redis.stream.destroy();
      await expect(redis.get('anything')).rejects.toThrow(/offline ?queue/i);
    } finally {
      redis.disconnect();
    }
  });
});
