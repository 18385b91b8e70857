import {
  type Actor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  type ErrorCode,
  MAX_PAGE_SIZE,
  type Role,
  type RpcRequest,
} from '@haven/contracts';
import { DomainError } from '../errors/domain-error';
import { FieldErrors } from './field-errors';
import { DateTime } from 'luxon';

/*
 * Reading what an RPC request carries. The gateway validates first, but a service must stay safe on
 * its own: these check again and answer with the same DomainErrors whoever the caller is.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// UTC offsets run from -12:00 to +14:00; anything past ±14:59 is not an offset at all.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4])(:?[0-5]\d)?))?$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id named in a request; a malformed one can name nothing, so it is simply not found. */
export function uuidOrNotFound(value: unknown, notFound: ErrorCode<'not_found'>): string {
  if (!isUuid(value)) throw DomainError.notFound(notFound);
  return value.toLowerCase();
}

/** The verified caller the gateway attached; requests that act on "me" need one. */
export function actorOf(request: RpcRequest<unknown>): Actor {
  const actor = request?.meta?.actor;
  if (!actor || !isUuid(actor.userId))
    throw DomainError.unauthenticated('unauthenticated', 'This needs a signed-in user');
  return actor;
}

export function actorWithRole(request: RpcRequest<unknown>, role: Role): Actor {
  const actor = actorOf(request);
  if (!actor.roles.includes(role)) throw DomainError.forbidden(`This needs the ${role} role`);
  return actor;
}

/** The request body as an object (RPC callers are trusted, but not blindly). */
export function bodyOf<T>(request: RpcRequest<T>): Partial<T> {
  const body = request?.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.validation('The request body must be an object');
  }
  return body as Partial<T>;
}

export function pageOf(input: { page?: unknown; limit?: unknown } | undefined): { page: number; limit: number } {
  const page = input?.page === undefined ? 1 : Number(input.page);
  const limit = input?.limit === undefined ? DEFAULT_PAGE_SIZE : Number(input.limit);
  const errors = new FieldErrors();
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    errors.add('page', `must be a whole number from 1 to ${MAX_PAGE}`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    errors.add('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  errors.throwIfAny();
  return { page, limit };
}

/** A list of ids for a batch lookup; anything that is not a uuid is dropped, at most `max`. */
export function idsOf(value: unknown, max = 500): string[] {
  if (!Array.isArray(value)) throw DomainError.invalidField('ids', 'must be an array of ids');
  if (value.length > max) throw DomainError.invalidField('ids', `must hold at most ${max} ids`);
  return [...new Set(value.filter(isUuid).map((id) => id.toLowerCase()))];
}

/**
 * An ISO 8601 instant (with `Z` or an offset), or a bare date meaning midnight UTC. A local time
 * without an offset is refused: it names no instant.
 */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** The instant `isInstant` accepts; anything else is a validation error naming `field`. */
export function parseInstant(value: unknown, field: string): Date {
  if (typeof value !== 'string' || !INSTANT.test(value)) {
    throw DomainError.invalidField(field, 'must be an ISO 8601 instant such as 2026-12-01T04:30:00Z');
  }
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw DomainError.invalidField(field, 'is not a real date and time');
  return parsed.toJSDate();
}

/** Like `parseInstant`, with a missing, null or empty value meaning "not given". */
export function optionalInstant(value: unknown, field: string): Date | undefined {
  return value === undefined || value === null || value === '' ? undefined : parseInstant(value, field);
}
