import { connectFailFastRedis, raiseRightsVersion } from '@haven/infrastructure';
import { TcpProxy } from '@haven/testing';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RightsVersionCheck } from './rights-version.check';

let proxy: TcpProxy;
let redis: Redis;
const prefix = `${inject('redisPrefix')}_rights`;

beforeAll(async () => {
  const target = new URL(inject('redisUrl'));
  proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
  redis = await connectFailFastRedis(`redis://127.0.0.1:${proxy.port}`);
});

afterAll(async () => {
  redis?.disconnect();
  await proxy?.stop();
});

describe('rights versions', () => {
  it('only ever rise, so a late or redelivered older version changes nothing', async () => {
    const userId = randomUUID();
    const check = new RightsVersionCheck(redis, prefix);
    expect(await check.isStale(userId, 0)).toBe(false);
    await raiseRightsVersion(redis, prefix, userId, 3, 60);
    await raiseRightsVersion(redis, prefix, userId, 2, 60);
    expect(await check.isStale(userId, 2)).toBe(true);
    expect(await check.isStale(userId, 3)).toBe(false);
    expect(await redis.ttl(`${prefix}:rights-version:${userId}`)).toBeGreaterThan(0);
  });

  it('are accepted as issued while Redis is unreachable (fail open, bounded by the token lifetime)', async () => {
    const userId = randomUUID();
    await raiseRightsVersion(redis, prefix, userId, 5, 60);
    const check = new RightsVersionCheck(redis, prefix);
    await proxy.cut();
    try {
      expect(await check.isStale(userId, 1)).toBe(false);
    } finally {
      await proxy.restore();
    }
  });
});
