import type { UserRegisteredData, UserUpdatedData } from '@haven/contracts';
import { canonicalRoles } from '../roles/role-policy';
import type { UserEntity } from './user.entity';

export function userRegisteredData(user: UserEntity): UserRegisteredData {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone ?? null,
    timezone: user.timezone,
    roles: canonicalRoles(user.roles),
  };
}

export function userUpdatedData(user: UserEntity): UserUpdatedData {
  return { ...userRegisteredData(user), active: user.active, rightsVersion: user.rightsVersion };
}
