import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentCorrelationId } from '@haven/common';

/** Never let credentials reach a log line, wherever they sit in a logged object. */
const REDACTED_PATHS = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'razorpaySignature',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
];

/**
 * Fields of database errors that hold the values of a statement: TypeORM's QueryFailedError keeps
 * the SQL and its parameters (password hashes, e-mail addresses, tokens' hashes), and PostgreSQL's
 * `detail` repeats the offending values ("Key (email)=(…) already exists"). The error's message,
 * code, constraint, table and column stay: they say what went wrong without the data.
 */
const DATABASE_VALUE_FIELDS = new Set(['query', 'parameters', 'detail']);
const MAX_ERROR_DEPTH = 5;

/** Pino's error serializer, minus the values of SQL statements, at any depth (driverError, cause). */
export function serializeError(error: unknown): unknown {
  return withoutDatabaseValues(error, 0);
}

function withoutDatabaseValues(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_ERROR_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => withoutDatabaseValues(item, depth + 1));
  const source = value instanceof Error ? pino.stdSerializers.err(value) : value;
  return Object.fromEntries(
    Object.entries(source)
      .filter(([key]) => !DATABASE_VALUE_FIELDS.has(key))
      .map(([key, field]) => [key, withoutDatabaseValues(field, depth + 1)]),
  );
}

export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
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
