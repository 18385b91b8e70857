import { lockForTransaction } from '@haven/database';
import type { EntityManager } from 'typeorm';

/**
 * Serialises changes to one counselor's calendar for the rest of the transaction: adding time off
 * and creating or moving a booking both take it, so time off can never slip in beside a booking
 * being made at the same moment (the exclusion constraint covers booking against booking).
 */
export async function lockCounselorCalendar(manager: EntityManager, counselorId: string): Promise<void> {
  await lockForTransaction(manager, { schema: 'booking', subject: 'calendar', id: counselorId });
}

/**
 * Whether an active booking of the counselor, other than `exceptId`, overlaps
 * `[startsAt, blockedUntil)`. Asked under the calendar lock before a booking is written there: left to
 * the exclusion constraint alone, a write overlapping a booking whose row another transaction is
 * updating (its Razorpay order, its status) waits for that transaction, whose new row version then
 * waits for the write: a deadlock, answered 500, where the slot was simply taken.
 */
export async function overlapsActiveBooking(
  manager: EntityManager,
  counselorId: string,
  startsAt: Date,
  blockedUntil: Date,
  exceptId: string | null = null,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM "booking"."bookings"
      WHERE "counselor_id" = $1 AND "status" IN ('pending_payment', 'confirmed')
        AND tstzrange("starts_at", "blocked_until", '[)') && tstzrange($2, $3, '[)')
        AND ($4::uuid IS NULL OR "id" <> $4)
      LIMIT 1`,
    [counselorId, startsAt, blockedUntil, exceptId],
  );
  return rows.length > 0;
}
