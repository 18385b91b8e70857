import type { Actor } from '@haven/contracts';
import { DomainError, isUuid } from '@haven/common';
import type { EntityManager } from 'typeorm';
import { BookingEntity } from './booking.entity';

/** How the caller stands to a booking; a client who is also an admin acts as the client. */
export type BookingRelation = 'client' | 'counselor' | 'admin';

/**
 * The booking if the caller may see it (its client, its counselor, an admin), locked for update when
 * asked; anyone else gets not found, never a hint that it exists.
 */
export async function bookingForActor(
  manager: EntityManager,
  id: unknown,
  actor: Actor,
  options: { lock?: boolean } = {},
): Promise<{ booking: BookingEntity; relation: BookingRelation }> {
  if (!isUuid(id)) throw DomainError.notFound('booking_not_found');
  const query = manager.createQueryBuilder(BookingEntity, 'booking').where('booking.id = :id', { id });
  if (options.lock) query.setLock('pessimistic_write');
  const booking = await query.getOne();
  const relation: BookingRelation | null = !booking
    ? null
    : booking.clientId === actor.userId
      ? 'client'
      : booking.counselorId === actor.userId
        ? 'counselor'
        : actor.roles.includes('admin')
          ? 'admin'
          : null;
  if (!booking || !relation) throw DomainError.notFound('booking_not_found');
  return { booking, relation };
}

/** Only `allowed` relations may act; others who can see the booking are told they may not. */
export function requireRelation(relation: BookingRelation, allowed: BookingRelation[], action: string): void {
  if (!allowed.includes(relation))
    throw DomainError.forbidden(`Only the booking's ${allowed.join(' or ')} can ${action}`);
}

export const EXCLUSION_VIOLATION = '23P01';

export function isExclusionViolation(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return candidate?.code === EXCLUSION_VIOLATION || candidate?.driverError?.code === EXCLUSION_VIOLATION;
}

export function slotTaken(): DomainError {
  return DomainError.conflict('slot_taken', 'This slot has just been taken; choose another');
}
