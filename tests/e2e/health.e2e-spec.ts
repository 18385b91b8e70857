import { HEALTH_PING } from '@haven/contracts';
import { loadConfig } from '@haven/infrastructure';
import { DEAD_LETTER_EXCHANGE, deadLetterQueue, eventsQueue, RpcClient } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import type { INestApplication } from '@nestjs/common';
import { connect as amqpConnect } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config';
import { HEALTH_FRESH_MS } from '../../apps/gateway/src/health/health.service';
import { api } from '../support/http';

const idle = { database: 'up', deadLetters: 0, outbox: { unpublished: 0, oldestAgeSeconds: null } };
const rabbitmqUrl = (): string => JSON.parse(inject('platformEnv')).RABBITMQ_URL;

describe('GET /health', () => {
  it('reports every service and piece of infrastructure as up, with each service’s queues in details', async () => {
    const response = await api('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      services: {
        accounts: 'up',
        directory: 'up',
        booking: 'up',
        notifications: 'up',
        postgres: 'up',
        redis: 'up',
        rabbitmq: 'up',
      },
      details: {
        accounts: expect.objectContaining({ database: 'up', deadLetters: expect.any(Number) }),
        directory: expect.objectContaining({ database: 'up', deadLetters: expect.any(Number) }),
        booking: expect.objectContaining({ database: 'up', deadLetters: expect.any(Number) }),
        notifications: idle,
      },
    });
  });

  it('shows an event sitting in a service’s dead-letter queue', async () => {
    const connection = await amqpConnect(rabbitmqUrl());
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(DEAD_LETTER_EXCHANGE, eventsQueue('notifications'), Buffer.from('{}'), { persistent: true });
      await channel.waitForConfirms();
      const reported = await waitFor(
        async () => {
          const { body } = await api('GET', '/health');
          return body.details.notifications?.deadLetters === 1 ? body : undefined;
        },
        { what: 'health to report the dead letter', intervalMs: 500 },
      );
      expect(reported.details.notifications).toEqual({ ...idle, deadLetters: 1 });
      await channel.purgeQueue(deadLetterQueue('notifications'));
    } finally {
      await connection.close();
    }
  });

  it('echoes the caller’s x-request-id and makes one up otherwise', async () => {
    const echoed = await api('GET', '/health', undefined, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
    const generated = await api('GET', '/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('under a flood', () => {
    let gateway: INestApplication;
    let url: string;
    let pings: () => number;

    beforeAll(async () => {
      gateway = await createGatewayApp(loadConfig(GatewayConfig, JSON.parse(inject('platformEnv'))));
      await gateway.listen(0, '127.0.0.1');
      url = `http://127.0.0.1:${(gateway.getHttpServer().address() as { port: number }).port}/api/v1/health`;
      const send = vi.spyOn(gateway.get(RpcClient), 'send');
      pings = () => send.mock.calls.filter(([contract]) => contract.pattern === HEALTH_PING).length;
    });

    afterAll(async () => {
      await gateway?.close();
    });

    it('asks each service once for 50 parallel requests, then again once the answer is stale', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, () => fetch(url)));
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
      // One probe asks the four services once each.
      expect(pings()).toBe(4);

      await sleep(HEALTH_FRESH_MS + 100);
      await Promise.all(Array.from({ length: 10 }, () => fetch(url)));
      expect(pings()).toBe(8);
    });
  });
});
