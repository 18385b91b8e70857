import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * A PostgreSQL advisory lock, named `haven:<schema>:<subject>` or `haven:<schema>:<subject>:<id>`:
 * the schema of the service that takes it, what it serialises, and for per-row work the id.
 * Locks live in the database, so they hold across replicas (never a process lock).
 */
export interface AdvisoryLock {
  schema: string;
  subject: string;
  id?: string;
}

export function advisoryLockName({ schema, subject, id }: AdvisoryLock): string {
  return ['haven', schema, subject, ...(id === undefined ? [] : [id])].join(':');
}

/** Takes the lock until the surrounding transaction ends; refuses to run outside one (it would be a no-op). */
export async function lockForTransaction(manager: EntityManager, lock: AdvisoryLock): Promise<void> {
  const name = advisoryLockName(lock);
  if (!manager.queryRunner?.isTransactionActive) throw new Error(`advisory lock ${name} needs a transaction`);
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

/** Holds the lock on this connection while `work` runs (for work that spans transactions: migrations). */
export async function withSessionLock<T>(runner: QueryRunner, lock: AdvisoryLock, work: () => Promise<T>): Promise<T> {
  const name = advisoryLockName(lock);
  await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}
