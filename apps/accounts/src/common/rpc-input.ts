import { type Actor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type RpcRequest } from '@haven/contracts';
import { DomainError } from '@haven/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The verified caller the gateway attached; requests that act on "me" need one. */
export function actorOf(request: RpcRequest<unknown>): Actor {
  const actor = request?.meta?.actor;
  if (!actor || !isUuid(actor.userId)) throw DomainError.unauthenticated('This needs a signed-in user');
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

export function pageOf(input: { page?: unknown; limit?: unknown }): { page: number; limit: number } {
  const page = input.page === undefined ? 1 : Number(input.page);
  const limit = input.limit === undefined ? DEFAULT_PAGE_SIZE : Number(input.limit);
  if (!Number.isInteger(page) || page < 1) throw DomainError.invalidField('page', 'must be a whole number ≥ 1');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw DomainError.invalidField('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { page, limit };
}

/** A list of ids for a batch lookup; anything that is not a uuid is dropped, at most `max`. */
export function idsOf(value: unknown, max = 500): string[] {
  if (!Array.isArray(value)) throw DomainError.invalidField('ids', 'must be an array of ids');
  if (value.length > max) throw DomainError.invalidField('ids', `must hold at most ${max} ids`);
  return [...new Set(value.filter(isUuid).map((id) => id.toLowerCase()))];
}
