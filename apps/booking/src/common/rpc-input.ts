import type { Actor, RpcRequest } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { DateTime } from 'luxon';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The calling counselor; the gateway already checked the role, this keeps the service safe on its own. */
export function counselorOf(request: RpcRequest<unknown>): string {
  const actor: Actor | undefined = request.meta?.actor;
  if (!actor) throw DomainError.unauthenticated('This needs a signed-in counselor');
  if (!actor.roles.includes('counselor')) throw DomainError.forbidden('This needs the counselor role');
  return actor.userId;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?))?$/i;

/**
 * An ISO 8601 instant (with `Z` or an offset), or a bare date meaning midnight UTC. A local time
 * without an offset is refused: it names no instant.
 */
export function parseInstant(value: unknown, field: string): Date {
  if (typeof value !== 'string' || !INSTANT.test(value)) {
    throw DomainError.invalidField(field, 'must be an ISO 8601 instant such as 2026-12-01T04:30:00Z');
  }
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw DomainError.invalidField(field, 'is not a real date and time');
  return parsed.toJSDate();
}

export function optionalInstant(value: unknown, field: string): Date | undefined {
  return value === undefined || value === null || value === '' ? undefined : parseInstant(value, field);
}

export function pageOf(input: { page?: unknown; limit?: unknown }): { page: number; limit: number } {
  const page = input.page === undefined ? 1 : Number(input.page);
  const limit = input.limit === undefined ? 20 : Number(input.limit);
  if (!Number.isInteger(page) || page < 1) throw DomainError.invalidField('page', 'must be a whole number ≥ 1');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw DomainError.invalidField('limit', 'must be a whole number from 1 to 100');
  }
  return { page, limit };
}
