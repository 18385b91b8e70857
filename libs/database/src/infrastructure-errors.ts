import { QueryFailedError } from 'typeorm';

/** Socket-level failures: the server is unreachable or the connection broke, whatever the query. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say "the database cannot serve you right now", not "your statement is wrong":
 * class 08 (connection exception), 53 (insufficient resources, e.g. too many connections) and the
 * shutdown / recovery states of class 57.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53)|^57P0[1-4]$/;

/** What node-postgres and its pool say when a connection drops or cannot be had in time. */
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /connection is closed/i,
  /cannot use a pool after calling end/i,
];

/**
 * Whether an error comes from the infrastructure being unavailable (PostgreSQL down, restarting or
 * unreachable) rather than from the work itself. Such failures say nothing about the message being
 * processed, so they must not count against it: retry later instead of giving up on it.
 */
export function isInfrastructureError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') {
      if (NETWORK_ERROR_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code)) return true;
    }
    if (
      typeof candidate.message === 'string' &&
      CONNECTION_MESSAGES.some((pattern) => pattern.test(candidate.message as string))
    ) {
      return true;
    }
    current = current instanceof QueryFailedError ? candidate.driverError : candidate.cause;
  }
  return false;
}
