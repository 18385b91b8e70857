import { ADMIN_GRANTABLE_ROLES, ROLES, type Role } from '@haven/contracts';
import { DomainError } from '@haven/common';

export interface RoleUpdateInput {
  actorId: string;
  target: { id: string; roles: readonly Role[]; active: boolean };
  /** The admin-grantable roles the target should hold (absent: unchanged). */
  roles?: readonly string[];
  active?: boolean;
}

export interface RoleUpdatePlan {
  roles: Role[];
  active: boolean;
  granted: Role[];
  removed: Role[];
  activeChanged: boolean;
}

const GRANTABLE: readonly Role[] = ADMIN_GRANTABLE_ROLES;

/** Roles in their canonical order, without duplicates, always including `client`. */
export function canonicalRoles(roles: Iterable<Role>): Role[] {
  const set = new Set<Role>(roles);
  set.add('client');
  return ROLES.filter((role) => set.has(role));
}

/**
 * What an admin's `PATCH /admin/users/:id` does to a user. `roles` sets the admin-grantable roles
 * (finance, admin); `client` always stays and `counselor` stays as it is, since it comes from
 * vetting: naming it for someone who is not a counselor is refused. Admins cannot take their own
 * admin role away or deactivate themselves; that another active admin remains is checked under a
 * lock by `AdminUsersService.update`.
 */
export function planUserUpdate(input: RoleUpdateInput): RoleUpdatePlan {
  const current = canonicalRoles(input.target.roles);
  let next = current;
  if (input.roles !== undefined) {
    const unknown = input.roles.filter((role) => !(ROLES as readonly string[]).includes(role));
    if (unknown.length > 0) {
      throw DomainError.invalidField('roles', `unknown role ${unknown.join(', ')}; use ${GRANTABLE.join(' or ')}`);
    }
    const requested = input.roles as readonly Role[];
    if (requested.includes('counselor') && !current.includes('counselor')) {
      throw DomainError.unprocessable(
        'role_not_grantable',
        'The counselor role cannot be granted here: it comes with an approved counselor application',
      );
    }
    const keep = current.filter((role) => !GRANTABLE.includes(role));
    next = canonicalRoles([...keep, ...requested.filter((role) => GRANTABLE.includes(role))]);
  }
  const isSelf = input.actorId === input.target.id;
  if (isSelf && current.includes('admin') && !next.includes('admin')) {
    throw DomainError.unprocessable('cannot_remove_own_admin', 'You cannot remove your own admin role');
  }
  const active = input.active ?? input.target.active;
  if (isSelf && !active) {
    throw DomainError.unprocessable('cannot_deactivate_self', 'You cannot deactivate your own account');
  }
  return {
    roles: next,
    active,
    granted: next.filter((role) => !current.includes(role)),
    removed: current.filter((role) => !next.includes(role)),
    activeChanged: active !== input.target.active,
  };
}
