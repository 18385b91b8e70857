import { DomainError } from '@haven/common';
import { connectFailFastRedis, loadConfig } from '@haven/infrastructure';
import { domainRejectionOf, TcpProxy } from '@haven/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountsConfig } from '../config/accounts.config';
import { LoginThrottle } from './login-throttle';

/** The failed-login limit against a real Redis reached through a proxy the test can cut. */
let proxy: TcpProxy;
let redis: Redis;
let throttle: LoginThrottle;

beforeAll(async () => {
  const target = new URL(inject('redisUrl'));
  proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
  redis = await connectFailFastRedis(`redis://127.0.0.1:${proxy.port}`);
  const config = loadConfig(AccountsConfig, {
    REDIS_PREFIX: `${inject('redisPrefix')}_throttle`,
    LOGIN_MAX_FAILURES: '3',
  });
  throttle = new LoginThrottle(redis, config);
});

afterAll(async () => {
  redis?.disconnect();
  await proxy?.stop();
});

describe('the failed-login limit', () => {
  it('lets exactly the limit through when attempts arrive all at once', async () => {
    const email = `parallel.${Date.now()}@example.test`;
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => throttle.countAttempt(email)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    const refusals = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refusals.every((refusal) => (refusal.reason as DomainError).kind === 'rate_limited')).toBe(true);
    await throttle.reset(email);
    await expect(throttle.countAttempt(email)).resolves.toBeUndefined();
  });

  it('stays in force while Redis is unreachable: every login is refused with 503 and Retry-After', async () => {
    const email = `outage.${Date.now()}@example.test`;
    await proxy.cut();
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const error = await domainRejectionOf(throttle.countAttempt(email));
        expect(error).toMatchObject({ kind: 'unavailable', code: 'login_unavailable' });
        expect(error.retryAfterSeconds).toBeGreaterThan(0);
      }
    } finally {
      await proxy.restore();
    }
    await waitForRedis();
    await expect(throttle.countAttempt(email)).resolves.toBeUndefined();
  });
});

async function waitForRedis(): Promise<void> {
  for (let attempt = 0; attempt < 100 && redis.status !== 'ready'; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(redis.status).toBe('ready');
}
