import { firstName, type UserContact, type UserSummary, type UserView } from '@haven/contracts';
import { canonicalRoles } from '../roles/role-policy';
import type { UserEntity } from './user.entity';

/** `user` of api.md: never the hash. */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone ?? null,
    timezone: user.timezone,
    roles: canonicalRoles(user.roles),
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toUserSummary(user: Pick<UserEntity, 'id' | 'name'>): UserSummary {
  return { id: user.id, name: firstName(user.name) };
}

export function toUserContact(user: UserEntity): UserContact {
  const { createdAt: _createdAt, ...contact } = toUserView(user);
  return contact;
}
