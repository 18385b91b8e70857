import { AccountsEvents, type Role } from '@haven/contracts';
import type { OutboxService } from '@haven/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type AuditRecord, writeAuditRow } from '../audit/audit-log.service';
import { DEFAULT_TIMEZONE } from '../common/user-input';
import { canonicalRoles } from '../roles/role-policy';
import { UserEntity } from './user.entity';
import { userRegisteredData } from './user-events';

export interface NewUser {
  /** Given when the id was reserved beforehand (a redelivered registration finds it again). */
  id?: string;
  /** Normalized. */
  email: string;
  passwordHash: string;
  name: string;
  phone?: string | null;
  timezone?: string;
  /** `client` is always added. */
  roles?: Role[];
}

/**
 * Creates an active account in the caller's transaction and announces it (`user.registered`);
 * `audit`, when the account is created on someone's behalf, is recorded with it.
 */
export async function createUser(
  manager: EntityManager,
  outbox: OutboxService,
  input: NewUser,
  audit?: Pick<AuditRecord, 'actorId' | 'action' | 'detail'>,
): Promise<UserEntity> {
  const now = new Date();
  const user = Object.assign(new UserEntity(), {
    id: input.id ?? randomUUID(),
    email: input.email,
    passwordHash: input.passwordHash,
    name: input.name,
    phone: input.phone ?? null,
    timezone: input.timezone ?? DEFAULT_TIMEZONE,
    roles: canonicalRoles(input.roles ?? []),
    active: true,
    rightsVersion: 0,
    createdAt: now,
    updatedAt: now,
  } satisfies UserEntity);
  await manager.insert(UserEntity, user);
  await outbox.add(manager, AccountsEvents.registered, userRegisteredData(user));
  if (audit) await writeAuditRow(manager, { ...audit, targetType: 'user', targetId: user.id });
  return user;
}
