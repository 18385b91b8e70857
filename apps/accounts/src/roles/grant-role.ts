import type { Role } from '@haven/contracts';
import type { OutboxService } from '@haven/messaging';
import type { EntityManager } from 'typeorm';
import { writeAuditRow } from '../audit/audit-log.service';
import { changeRights } from '../auth/rights-versions';
import type { UserEntity } from '../users/user.entity';
import { canonicalRoles } from './role-policy';

/**
 * Grants `role` to a user whose row the caller locked, in the caller's transaction: the new roles
 * (with a raised rights version and its `user.updated` event) and a `user.role-granted` audit row.
 * Returns false, changing nothing, when the user already holds the role. Call
 * `RightsVersions.publishSoon` after commit.
 */
export async function grantRole(
  manager: EntityManager,
  outbox: OutboxService,
  user: UserEntity,
  role: Role,
  audit: { actorId: string | null; detail: Record<string, unknown> },
): Promise<boolean> {
  if (user.roles.includes(role)) return false;
  await changeRights(manager, outbox, user, { roles: canonicalRoles([...user.roles, role]), active: user.active });
  await writeAuditRow(manager, {
    actorId: audit.actorId,
    action: 'user.role-granted',
    targetType: 'user',
    targetId: user.id,
    detail: { role, ...audit.detail },
  });
  return true;
}
