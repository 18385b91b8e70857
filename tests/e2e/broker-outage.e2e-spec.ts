import { TcpProxy, waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningPlatform, startPlatform } from '../support/platform';

/**
 * A second, complete platform whose every RabbitMQ connection goes through a proxy we can cut:
 * the broker "restarts" for it alone, without disturbing the other tests.
 */
describe('a RabbitMQ outage while the platform runs', () => {
  let proxy: TcpProxy;
  let vhost: { url: string; remove(): Promise<void> };
  let platform: RunningPlatform;

  const health = async () => {
    const response = await fetch(`${platform.baseUrl}/health`);
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    vhost = await createEmptyVhost('outage');
    const broker = new URL(vhost.url);
    proxy = await TcpProxy.start(broker.hostname, Number(broker.port || 5672));
    const viaProxy = new URL(vhost.url);
    viaProxy.port = String(proxy.port);
    const shared = JSON.parse(inject('platformEnv'));
    // Its own job queues (same Redis, another prefix): its workers must not take the main platform's jobs.
    const env = {
      ...shared,
      RABBITMQ_URL: viaProxy.toString(),
      RPC_TIMEOUT_MS: '3000',
      REDIS_PREFIX: `${shared.REDIS_PREFIX}_outage`,
    };
    platform = await startPlatform(env);
    await waitFor(async () => ((await health()).status === 200 ? true : undefined), {
      what: 'the platform to be healthy',
    });
  });

  afterAll(async () => {
    await platform?.close();
    await proxy?.stop();
    await vhost?.remove();
  });

  it('reports the broker down during the outage and recovers by itself when it is back', async () => {
    await proxy.cut();
    const during = await waitFor(
      async () => {
        const current = await health();
        return current.status === 503 && current.body.services.rabbitmq === 'down' ? current : undefined;
      },
      { timeoutMs: 20_000, what: 'health to notice the outage' },
    );
    expect(during.body.services).toMatchObject({ rabbitmq: 'down', postgres: 'up', redis: 'up' });

    await proxy.restore();
    const after = await waitFor(
      async () => {
        const current = await health();
        return current.status === 200 ? current : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 500, what: 'every service to reconnect' },
    );
    expect(Object.values(after.body.services).every((status) => status === 'up')).toBe(true);
  });
});
