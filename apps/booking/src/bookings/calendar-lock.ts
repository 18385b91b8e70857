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
