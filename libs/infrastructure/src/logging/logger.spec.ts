import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryFailedError } from 'typeorm';
import { createLogger, JsonLogger, runAsService, runRequestsAsService } from './logger';
import { currentCorrelationId, runWithCorrelationId } from '@haven/common';

/** A platform logger writing JSON lines into memory. */
function memoryLogger(service: string): {
  logger: JsonLogger;
  text: () => string;
  lines: () => Record<string, unknown>[];
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: new JsonLogger(createLogger(service, 'info', sink)),
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('JsonLogger', () => {
  it('keeps the text given next to an object of fields, and the context', () => {
    const { logger, lines } = memoryLogger('test');
    logger.error({ eventId: 'e1' }, 'handling failed', 'EventConsumer');
    expect(lines()[0]).toMatchObject({ msg: 'handling failed', eventId: 'e1', context: 'EventConsumer' });
  });

  it('keeps a stack trace passed after a text message', () => {
    const { logger, lines } = memoryLogger('test');
    logger.error('boom', 'Error: boom\n    at x', 'Ctx');
    expect(lines()[0]).toMatchObject({ msg: 'boom', stack: 'Error: boom\n    at x', context: 'Ctx' });
  });

  it('does not write redacted fields', () => {
    const { logger, lines } = memoryLogger('test');
    logger.log({ password: 'hunter2', body: { token: 'abc' } }, 'Ctx');
    expect(JSON.stringify(lines()[0])).not.toMatch(/hunter2|abc/);
  });
});

describe('database errors in logs', () => {
  const email = 'someone.private@example.test';
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

  function failedInsert(): QueryFailedError {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: `Key (lower(email))=(${email}) already exists.`,
      parameters: [email, hash],
    });
    return new QueryFailedError(
      `INSERT INTO "accounts"."users" ("email", "password_hash") VALUES ('${email}', $2)`,
      [email, hash],
      driverError,
    );
  }

  it('keep what failed but never the statement, its parameters or the values PostgreSQL repeats', () => {
    const { logger, text: output } = memoryLogger('test');
    const error = failedInsert();
    logger.error(error);
    logger.error({ msg: 'handler failed', err: error });
    logger.warn({ msg: 'wrapped', err: new Error('could not save', { cause: error }) });
    logger.error({ msg: 'as error field', error });

    const text = output();
    expect(text).not.toContain(email);
    expect(text).not.toContain(hash);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[1].err).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "users_email_key"',
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
    });
    expect(lines[1].err).not.toHaveProperty('parameters');
    expect(lines[1].err).not.toHaveProperty('query');
  });
});

describe('correlation ids', () => {
  it('keeps a given one and makes one up when the caller has none', () => {
    expect(runWithCorrelationId('given-id', () => currentCorrelationId())).toBe('given-id');
    expect(runWithCorrelationId(undefined, () => currentCorrelationId())).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('is added to every log line written inside the request', () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = new JsonLogger(pino({ mixin: () => ({ correlationId: currentCorrelationId() }) }, sink));
    runWithCorrelationId('req-42', () => logger.log('inside', 'Ctx'));
    expect(JSON.parse(chunks[0])).toMatchObject({ correlationId: 'req-42', msg: 'inside' });
  });
});

describe('credentials in logs', () => {
  const secrets = {
    password: 'hunter2-password',
    newPassword: 'n3w-password',
    accessToken: 'eyJaccess.token.value',
    refreshToken: 'refresh-token-value',
    resetToken: 'reset-token-value',
    feedToken: 'not-a-secret-name',
    razorpaySignature: 'sig-razorpay-hmac',
    webhookSignature: 'x-razorpay-signature-value',
    keySecret: 'rzp-key-secret-value',
    cardNumber: '4111111111111111',
    cvv: '123',
    authorization: 'Bearer eyJheader.value',
    cookie: 'haven_refresh=cookie-value',
  };

  it('are censored in a logged HTTP request, its headers and body', () => {
    const { logger, lines } = memoryLogger('gateway');
    logger.log({
      msg: 'request',
      req: {
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: {
          authorization: secrets.authorization,
          Authorization: secrets.authorization,
          cookie: secrets.cookie,
          'x-razorpay-signature': secrets.webhookSignature,
          'content-type': 'application/json',
        },
        body: { email: 'someone@example.test', password: secrets.password, newPassword: secrets.newPassword },
      },
      res: { headers: { 'set-cookie': [secrets.cookie] }, body: { accessToken: secrets.accessToken } },
    });
    const text = JSON.stringify(lines());
    for (const [name, value] of Object.entries(secrets)) {
      if (name !== 'feedToken') expect(text, name).not.toContain(value);
    }
    expect(lines()[0]).toMatchObject({
      req: { method: 'POST', headers: { 'content-type': 'application/json' }, body: { email: 'someone@example.test' } },
    });
  });

  it('are censored in logged RPC requests and in errors carrying the request an SDK sent', () => {
    const { logger, lines } = memoryLogger('booking');
    logger.warn({
      pattern: 'booking.v1.verify-payment',
      request: {
        meta: { correlationId: 'c-1' },
        body: {
          payment: {
            razorpay_signature: secrets.razorpaySignature,
            card: { number: secrets.cardNumber, cvv: secrets.cvv },
          },
          refreshToken: secrets.refreshToken,
          resetToken: secrets.resetToken,
        },
      },
    });
    const sdkError = Object.assign(new Error('Request failed with status code 401'), {
      config: { headers: { Authorization: `Basic ${secrets.keySecret}` }, auth: { key_secret: secrets.keySecret } },
    });
    logger.error({ msg: 'razorpay refused', err: sdkError });
    const text = JSON.stringify(lines());
    for (const value of [secrets.razorpaySignature, secrets.cardNumber, secrets.cvv, secrets.refreshToken]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain(secrets.resetToken);
    expect(text).not.toContain(secrets.keySecret);
    expect(lines()[0]).toMatchObject({
      pattern: 'booking.v1.verify-payment',
      request: { meta: { correlationId: 'c-1' } },
    });
    expect(lines()[1]).toMatchObject({ err: { message: 'Request failed with status code 401' } });
  });
});

describe('several apps in one process', () => {
  @Injectable()
  class Ticker implements OnModuleInit {
    private readonly logger = new Logger('Ticker');
    onModuleInit(): void {
      // Logs later, from a timer, once the next app has replaced Nest's process-wide logger.
      setTimeout(() => this.logger.log('tick'), 50);
    }
  }
  @Module({ providers: [Ticker] })
  class TickerModule {}

  const apps: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    Logger.overrideLogger(new Logger());
  });

  it('each app logs under its own name, though Nest keeps one logger per process', async () => {
    const accounts = memoryLogger('accounts');
    const booking = memoryLogger('booking');
    for (const [service, { logger }] of [
      ['accounts', accounts],
      ['booking', booking],
    ] as const) {
      apps.push(await runAsService(service, () => NestFactory.createApplicationContext(TickerModule, { logger })));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));

    // Nest routes every app's lines to the logger of the app created last, so they are read there.
    const ticks = booking.lines().filter((line) => line.msg === 'tick');
    expect(ticks.map((line) => line.service).sort()).toEqual(['accounts', 'booking']);
    expect(accounts.lines().filter((line) => line.msg === 'tick')).toEqual([]);
  });

  it('an HTTP app logs its requests under its own name, even when it listens outside runAsService', async () => {
    const { logger, lines } = memoryLogger('booking');
    const serveAsGateway = runRequestsAsService('gateway');
    const http = new Logger('Http');
    const server = createServer((req, res) =>
      serveAsGateway(req, res, () => {
        res.on('finish', () => http.log({ msg: 'served', status: res.statusCode }));
        setTimeout(() => res.end('ok'), 5);
      }),
    );
    Logger.overrideLogger(logger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) =>
        request({ port, host: '127.0.0.1' }, (res) => res.resume().on('end', resolve))
          .on('error', reject)
          .end(),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      server.close();
    }
    expect(lines().find((line) => line.msg === 'served')).toMatchObject({ service: 'gateway', status: 200 });
  });

  it('a line written outside any app names the service its logger was created for', () => {
    const { logger, lines } = memoryLogger('notifications');
    logger.log('started', 'Main');
    expect(lines()[0]).toMatchObject({ service: 'notifications', msg: 'started' });
  });
});
