import { AccountsEvents } from '@haven/contracts';
import { type AdvisoryLock, lockForTransaction } from '@haven/database';
import type { OutboxService } from '@haven/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalRoles } from '../admin/role-policy';
import { writeAuditRow } from '../audit/audit-log.service';
import { changeRights } from '../auth/rights-versions';
import { UserEntity } from '../users/user.entity';
import { userRegisteredData } from '../users/user-events';
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
      // The user.updated event carries the raised rights version to the gateway (no Redis here).
      await changeRights(manager, outbox, existing, {
        roles: canonicalRoles([...existing.roles, 'admin']),
        active: existing.active,
      });
      await audit(manager, 'user.role-granted', existing.id, { role: 'admin', source: options.source });
      return { outcome: 'granted', userId: existing.id };
    }
    const now = new Date();
    const user = Object.assign(new UserEntity(), {
      id: randomUUID(),
      email: admin.email,
      passwordHash: admin.passwordHash,
      name: admin.name,
      phone: null,
      timezone: 'Asia/Kolkata',
      roles: canonicalRoles(['client', 'admin']),
      active: true,
      rightsVersion: 0,
      createdAt: now,
      updatedAt: now,
    } satisfies UserEntity);
    await manager.insert(UserEntity, user);
    await outbox.add(manager, AccountsEvents.registered, userRegisteredData(user));
    await audit(manager, 'user.admin-created', user.id, { source: options.source });
    return { outcome: 'created', userId: user.id };
  });
}

function audit(manager: EntityManager, action: string, userId: string, detail: Record<string, unknown>): Promise<void> {
  return writeAuditRow(manager, { actorId: null, action, targetType: 'user', targetId: userId, detail });
}
