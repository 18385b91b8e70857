import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { QueryFailedError } from 'typeorm';
import { createLogger, JsonLogger } from './logger';
import { currentCorrelationId, runWithCorrelationId } from '@haven/common';

function capture(): { logger: JsonLogger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const base = pino(
    { base: { service: 'test' }, redact: { paths: ['password', '*.token'], censor: '[redacted]' } },
    sink,
  );
  return {
    logger: new JsonLogger(base),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
  };
}

describe('JsonLogger', () => {
  it('keeps the text given next to an object of fields, and the context', () => {
    const { logger, lines } = capture();
    logger.error({ eventId: 'e1' }, 'handling failed', 'EventConsumer');
    expect(lines()[0]).toMatchObject({ msg: 'handling failed', eventId: 'e1', context: 'EventConsumer' });
  });

  it('keeps a stack trace passed after a text message', () => {
    const { logger, lines } = capture();
    logger.error('boom', 'Error: boom\n    at x', 'Ctx');
    expect(lines()[0]).toMatchObject({ msg: 'boom', stack: 'Error: boom\n    at x', context: 'Ctx' });
  });

  it('does not write redacted fields', () => {
    const { logger, lines } = capture();
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

  function platformLogger(): { logger: JsonLogger; output: () => string } {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { logger: new JsonLogger(createLogger('test', 'info', sink)), output: () => chunks.join('') };
  }

  it('keep what failed but never the statement, its parameters or the values PostgreSQL repeats', () => {
    const { logger, output } = platformLogger();
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
