import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { currentCorrelationId } from '@haven/common';

/**
 * Names under which a credential travels, as our code, HTTP and Razorpay spell them (compared
 * without case). A field so named is censored wherever it sits in a logged object: a request body
 * (`request.body.password`), headers (`req.headers.authorization`), an SDK error's request
 * (`err.config.headers.Authorization`).
 */
const SECRET_FIELDS = new Set(
  [
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'token',
    'tokenHash',
    'accessToken',
    'refreshToken',
    'resetToken',
    'access_token',
    'refresh_token',
    'secret',
    'keySecret',
    'key_secret',
    'webhookSecret',
    'signature',
    'razorpaySignature',
    'razorpay_signature',
    'x-razorpay-signature',
    'cardNumber',
    'card_number',
    'cvv',
    'authorization',
    'cookie',
    'set-cookie',
  ].map((name) => name.toLowerCase()),
);
const CENSORED = '[redacted]';

/**
 * Fields of database errors that hold the values of a statement: TypeORM's QueryFailedError keeps
 * the SQL and its parameters (password hashes, e-mail addresses, tokens' hashes), and PostgreSQL's
 * `detail` repeats the offending values ("Key (email)=(…) already exists"). The error's message,
 * code, constraint, table and column stay: they say what went wrong without the data.
 */
const DATABASE_VALUE_FIELDS = new Set(['query', 'parameters', 'detail']);
/** Deeper than this, an object is left out rather than searched (it could hide a credential). */
const MAX_DEPTH = 8;

/** Pino's error serializer, minus credentials and the values of SQL statements, at any depth (driverError, cause). */
export function serializeError(error: unknown): unknown {
  return scrubbed(error, 0, true);
}

function isSecret(key: string, parentKey: string | undefined): boolean {
  const name = key.toLowerCase();
  return SECRET_FIELDS.has(name) || (name === 'number' && parentKey?.toLowerCase() === 'card');
}

/**
 * A copy of a logged value without credentials; errors become plain objects (pino's serializer)
 * without the values of SQL statements. Walked by hand rather than with pino's `redact` paths: a
 * path names one depth, and paths for every depth cost some 25× more per line.
 */
function scrubbed(value: unknown, depth: number, insideError: boolean, parentKey?: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1, insideError, parentKey));
  const isError = value instanceof Error;
  if (!isError && typeof (value as { toJSON?: unknown }).toJSON === 'function') return value; // a Date, a Buffer
  const fields = isError ? pino.stdSerializers.err(value) : (value as Record<string, unknown>);
  const errorFields = insideError || isError;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (errorFields && DATABASE_VALUE_FIELDS.has(key)) continue;
    copy[key] = isSecret(key, parentKey) ? CENSORED : scrubbed(field, depth + 1, errorFields, key);
  }
  return copy;
}

const serviceScope = new AsyncLocalStorage<string>();

/**
 * Runs `start` (an app's creation, or one HTTP request) as `service`: every log line written by what
 * it runs or sets up (handlers, timers, broker and Redis connections) names that service. Nest keeps
 * one logger per process (the last app created overrides it), so when several apps share a process
 * (the e2e platform) the line's own service comes from here rather than from that logger.
 */
export function runAsService<T>(service: string, start: () => T): T {
  return serviceScope.run(service, start);
}

/** HTTP middleware that serves each request as `service` (see runAsService): `listen` may run outside it. */
export function runRequestsAsService(service: string): (req: unknown, res: unknown, next: () => void) => void {
  return (_req, _res, next) => runAsService(service, next);
}

export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Errors logged under these keys arrive here already scrubbed; pino's own serializer would retype them.
    serializers: { err: serializeError, error: serializeError },
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => scrubbed(fields, 0, false) as Record<string, unknown>,
    },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return { service: serviceScope.getStore() ?? service, ...(correlationId ? { correlationId } : {}) };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface on top of pino, so framework and application lines share one JSON format. */
export class JsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  /**
   * Nest calls `log(message, ...extras, context)`. A string extra is the stack trace when the
   * message is text, and the human-readable line when the message is an object of fields.
   */
  private write(level: pino.Level, message: unknown, optional: unknown[]): void {
    const context = typeof optional.at(-1) === 'string' ? (optional.at(-1) as string) : undefined;
    const extras = context === undefined ? optional : optional.slice(0, -1);
    const text = extras.find((extra): extra is string => typeof extra === 'string');
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, text ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...fields } = message as { msg?: unknown };
      this.logger[level]({ context, ...fields }, typeof msg === 'string' ? msg : text);
    } else {
      this.logger[level]({ context, ...(text ? { stack: text } : {}) }, String(message));
    }
  }
}
