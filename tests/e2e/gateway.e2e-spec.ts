import { createEmptyVhost } from '@haven/testing/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startExtraGateway } from '../support/gateway';
import { api } from '../support/http';

describe('gateway edge', () => {
  it('answers unknown paths with a JSON 404 in the error shape', async () => {
    const response = await api('GET', '/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('rejects a body over 1 MB with 413', async () => {
    const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1_100_000) });
    const response = await api('POST', '/auth/login', undefined, { raw: huge });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await api('POST', '/auth/login', undefined, { raw: '{"email": ' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  it('sets security headers on every response', async () => {
    const response = await api('GET', '/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const base = inject('baseUrl').replace(/\/api\/v1$/, '');
    const document = (await fetch(`${base}/docs-json`).then((r) => r.json())) as any;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/v1/health');
    const ui = await fetch(`${base}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('compresses large responses for clients that accept it, and only for them', async () => {
    const base = inject('baseUrl').replace(/\/api\/v1$/, '');
    const gzip = await fetch(`${base}/docs-json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(((await gzip.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    const plain = await fetch(`${base}/docs-json`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});

describe('rate limiting per client address, shared by every gateway replica through Redis', () => {
  let first: { url: string; app: INestApplication };
  let second: { url: string; app: INestApplication };

  beforeAll(async () => {
    const shared = { RATE_LIMIT_PER_MINUTE: '6', REDIS_PREFIX: `ratelimit_${randomBytes(4).toString('hex')}` };
    first = await startExtraGateway(shared);
    second = await startExtraGateway(shared);
  });
  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
  });

  it('counts requests to both replicas against one budget, then answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const target = i % 2 === 0 ? first.url : second.url;
      statuses.push((await fetch(`${target}/specialties`)).status);
    }
    expect(statuses.every((status) => status !== 429)).toBe(true);
    const limited = await fetch(`${first.url}/specialties`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('never limits the health check', async () => {
    const health = await fetch(`${second.url}/health`);
    expect(health.status).not.toBe(429);
  });
});

describe('rate limiting a client far from its limit without waiting for Redis', () => {
  let gateway: { url: string; app: INestApplication };

  beforeAll(async () => {
    gateway = await startExtraGateway({
      RATE_LIMIT_PER_MINUTE: '6',
      REDIS_PREFIX: `ratelimit_${randomBytes(4).toString('hex')}`,
    });
  });
  afterAll(() => gateway?.app.close());

  it('still lets no burst past the budget: every request is counted before the client nears its limit', async () => {
    for (let i = 0; i < 2; i += 1) expect((await fetch(`${gateway.url}/specialties`)).status).toBe(200);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${gateway.url}/specialties`).then((response) => response.status)),
    );
    expect(burst.filter((status) => status !== 429)).toHaveLength(4);
    expect(burst.filter((status) => status === 429)).toHaveLength(6);
  });
});

describe('when services or the broker are unreachable', () => {
  it('answers 504, not a hang, when the service does not reply in time', async () => {
    const vhost = await createEmptyVhost('silent');
    const gateway = await startExtraGateway({ RABBITMQ_URL: vhost.url, RPC_TIMEOUT_MS: '500' });
    try {
      const response = await fetch(`${gateway.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'long enough password' }),
      });
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({ statusCode: 504, message: expect.stringMatching(/accounts/) });

      const health = await fetch(`${gateway.url}/health`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as any;
      expect(body.services).toMatchObject({
        accounts: 'down',
        booking: 'down',
        postgres: 'up',
        redis: 'up',
        rabbitmq: 'up',
      });
    } finally {
      await gateway.app.close();
      await vhost.remove();
    }
  });

  it('answers 503 when the broker cannot be reached, and health says which part is down', async () => {
    const gateway = await startExtraGateway({ RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:1', RPC_TIMEOUT_MS: '2000' });
    try {
      const response = await fetch(`${gateway.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'long enough password' }),
      });
      expect(response.status).toBe(503);
      const health = await fetch(`${gateway.url}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as any).services).toMatchObject({
        rabbitmq: 'down',
        accounts: 'down',
        postgres: 'up',
      });
    } finally {
      await gateway.app.close();
    }
  });
});
