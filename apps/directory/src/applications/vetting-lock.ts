import { lockForTransaction } from '@haven/database';
import type { EntityManager } from 'typeorm';

/**
 * Serialises work on one user's vetting (a new application against an approval in flight, or the
 * account being deactivated meanwhile) for the rest of the transaction.
 */
export async function lockUserVetting(manager: EntityManager, userId: string): Promise<void> {
  await lockForTransaction(manager, { schema: 'directory', subject: 'vetting', id: userId });
}
