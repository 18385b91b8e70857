import type { Actor, Role, RpcRequest } from '@haven/contracts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@haven/contracts';
import { DomainError } from '@haven/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id named in a request; a malformed one can name nothing, so it is simply not found. */
export function uuidOrNotFound(value: unknown, what: string): string {
  if (!isUuid(value)) throw DomainError.notFound(what);
  return value.toLowerCase();
}

/** The verified caller. The gateway already demanded a token; this keeps the service safe on its own. */
export function actorOf(request: RpcRequest<unknown>): Actor {
  const actor = request.meta?.actor;
  if (!actor?.userId) throw DomainError.unauthenticated('This needs a signed-in user');
  return actor;
}

export function actorWithRole(request: RpcRequest<unknown>, role: Role): Actor {
  const actor = actorOf(request);
  if (!actor.roles.includes(role)) throw DomainError.forbidden(`This needs the ${role} role`);
  return actor;
}

export function pageOf(input: { page?: unknown; limit?: unknown } | undefined): { page: number; limit: number } {
  const page = input?.page === undefined ? 1 : Number(input.page);
  const limit = input?.limit === undefined ? DEFAULT_PAGE_SIZE : Number(input.limit);
  if (!Number.isInteger(page) || page < 1) throw DomainError.invalidField('page', 'must be a whole number ≥ 1');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw DomainError.invalidField('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { page, limit };
}
