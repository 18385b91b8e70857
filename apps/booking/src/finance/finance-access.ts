import type { Actor, RpcRequest } from '@haven/contracts';
import { actorOf, DomainError, isUuid } from '@haven/common';

/** Finance and admins read all money data; nobody else does (the gateway checks too). */
export function financeReader(request: RpcRequest<unknown>): Actor {
  const actor = actorOf(request);
  if (!actor.roles.includes('finance') && !actor.roles.includes('admin')) {
    throw DomainError.forbidden('This needs the finance or admin role');
  }
  return actor;
}

/** A counselor named in a finance request (their user id); anything else is a 400 naming the field. */
export function counselorIdOf(value: unknown): string {
  if (!isUuid(value)) throw DomainError.invalidField('counselorId', 'must be a counselor id (UUID)');
  return value.toLowerCase();
}
