import type { UserRegisteredData, UserUpdatedData } from '@haven/contracts';
import { canonicalRoles } from '../admin/role-policy';
import type { User } from './user.entity';

export function userRegisteredData(user: User): UserRegisteredData {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone ?? null,
    timezone: user.timezone,
    roles: canonicalRoles(user.roles),
  };
}

export function userUpdatedData(user: User): UserUpdatedData {
  return { ...userRegisteredData(user), active: user.active, rightsVersion: user.rightsVersion };
}
