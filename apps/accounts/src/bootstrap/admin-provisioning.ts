import { type AdvisoryLock, lockForTransaction } from '@haven/database';
import type { OutboxService } from '@haven/messaging';
import type { DataSource } from 'typeorm';
import { grantRole } from '../roles/grant-role';
import { createUser } from '../users/create-user';
import { UsersQueries } from '../users/users.queries';

export interface AdminToProvision {
  /** Normalized. */
  email: string;
  passwordHash: string;
  name: string;
}

export type ProvisionOutcome = 'created' | 'granted' | 'already-admin' | 'admin-exists';

export interface ProvisionResult {
  outcome: ProvisionOutcome;
  userId?: string;
}

const PROVISION_LOCK: AdvisoryLock = { schema: 'accounts', subject: 'provision-admin' };

/**
 * Makes `admin` an administrator: creates the account with roles client + admin, or grants admin
 * to the existing account with that e-mail address (its password stays). With `onlyIfNoAdmin`
 * (the bootstrap on start) nothing happens once any admin exists. Serialized across replicas by a
 * transaction-scoped advisory lock; audited with no actor (the platform itself).
 */
export async function provisionAdmin(
  dataSource: DataSource,
  outbox: OutboxService,
  admin: AdminToProvision,
  options: { onlyIfNoAdmin: boolean; source: 'bootstrap' | 'cli' },
): Promise<ProvisionResult> {
  return dataSource.transaction(async (manager) => {
    await lockForTransaction(manager, PROVISION_LOCK);
    if (options.onlyIfNoAdmin && (await UsersQueries.anyWithRole(manager, 'admin'))) {
      return { outcome: 'admin-exists' };
    }
    const existing = await UsersQueries.findByEmail(manager, admin.email);
    if (existing?.roles.includes('admin')) return { outcome: 'already-admin', userId: existing.id };
    if (existing) {
      await grantRole(manager, outbox, existing, 'admin', { actorId: null, detail: { source: options.source } });
      return { outcome: 'granted', userId: existing.id };
    }
    const user = await createUser(
      manager,
      outbox,
      { email: admin.email, passwordHash: admin.passwordHash, name: admin.name, roles: ['admin'] },
      { actorId: null, action: 'user.admin-created', detail: { source: options.source } },
    );
    return { outcome: 'created', userId: user.id };
  });
}
