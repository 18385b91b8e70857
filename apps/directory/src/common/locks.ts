import type { EntityManager } from 'typeorm';

/**
 * Serialises work on one user's vetting (a new application against an approval in flight) for the
 * rest of the transaction. Works across replicas: it is a PostgreSQL lock, not a process one.
 */
export async function lockUserVetting(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('directory:vetting:' || $1))`, [userId]);
}
