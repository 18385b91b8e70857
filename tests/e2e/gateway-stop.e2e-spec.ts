import { declareEventTopology } from '@haven/messaging';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopGateway } from '../../apps/gateway/src/bootstrap';
import { startExtraGateway } from '../support/gateway';

/** One request on a socket of its own: the status and body it got, or the error that ended it. */
function ask(url: string): Promise<{ status?: number; body?: any; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.end();
  });
}

/**
 * A gateway whose services never answer (its broker vhost has no service on it), stopped while a
 * request waits on one: an RPC may wait longer than a stopping process is given, and the client must
 * get an answer it can retry, not a connection cut off.
 */
describe('a gateway stopped while a request waits on a service', () => {
  let vhost: { url: string; remove(): Promise<void> };
  let gateway: { url: string; app: INestApplication };

  beforeAll(async () => {
    vhost = await createEmptyVhost('gateway_stop');
    await declareEventTopology(vhost.url, () => undefined);
    gateway = await startExtraGateway({ RABBITMQ_URL: vhost.url, RPC_TIMEOUT_MS: '60000' });
  });

  afterAll(async () => {
    await vhost?.remove();
  });

  it('answers 503 "unavailable" at the bound instead of cutting the request', async () => {
    const answer = ask(`${gateway.url}/counselors`);
    await sleep(300);
    const stoppedAt = Date.now();

    await stopGateway(gateway.app, { drainMs: 100, inFlightBoundMs: 500, answerMs: 2_000 });

    expect(await answer).toMatchObject({
      status: 503,
      body: { statusCode: 503, code: 'service_unavailable', message: 'The directory service is unavailable' },
    });
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
    expect(await ask(`${gateway.url}/health`)).toEqual({ error: 'ECONNREFUSED' });
  });
});
