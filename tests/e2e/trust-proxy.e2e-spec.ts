import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtraGateway } from '../support/gateway';

/** Gateways with a budget of 3 requests a minute per client address, each on its own Redis keys. */
const LIMIT = 3;
const limited = (trustProxy?: string): NodeJS.ProcessEnv => ({
  RATE_LIMIT_PER_MINUTE: String(LIMIT),
  REDIS_PREFIX: `proxy_${randomBytes(4).toString('hex')}`,
  TRUST_PROXY: trustProxy,
});

async function statusesFor(url: string, forwardedFor: (attempt: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < LIMIT + 2; attempt += 1) {
    const response = await fetch(`${url}/specialties`, { headers: { 'x-forwarded-for': forwardedFor(attempt) } });
    statuses.push(response.status);
  }
  return statuses;
}

describe('the client address behind proxies (TRUST_PROXY)', () => {
  let untrusting: { url: string; app: INestApplication };
  let oneHop: { url: string; app: INestApplication };

  beforeAll(async () => {
    untrusting = await startExtraGateway(limited(undefined));
    oneHop = await startExtraGateway(limited('1'));
  });
  afterAll(async () => {
    await untrusting?.app.close();
    await oneHop?.app.close();
  });

  it('by default, X-Forwarded-For does not change whose budget a request spends', async () => {
    const statuses = await statusesFor(untrusting.url, (attempt) => `203.0.113.${attempt + 1}`);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('with a hop count, the address the trusted proxy saw is the client', async () => {
    // Each request from another client address: none runs out of budget.
    expect(await statusesFor(oneHop.url, (attempt) => `198.51.100.${attempt + 1}`)).toEqual([200, 200, 200, 200, 200]);
    // One client address, whatever it prepends for itself: only the hop the proxy added counts.
    const statuses = await statusesFor(oneHop.url, (attempt) => `10.9.9.${attempt}, 192.0.2.77`);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('refuses to start when told to trust anyone', async () => {
    await expect(startExtraGateway(limited('true'))).rejects.toThrow(/TRUST_PROXY: "true" would let any client/);
  });
});
