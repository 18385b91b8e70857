import { DomainError } from '@haven/common';
import { describe, expect, it } from 'vitest';
import { canonicalRoles, planUserUpdate } from './role-policy';

const admin = 'a0000000-0000-4000-8000-000000000001';
const other = 'b0000000-0000-4000-8000-000000000002';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return `${(error as DomainError).kind}:${(error as DomainError).code}`;
  }
  return undefined;
}

describe('admin role updates', () => {
  it('grants finance and admin, keeping client', () => {
    const plan = planUserUpdate({
      actorId: admin,
      target: { id: other, roles: ['client'], active: true },
      roles: ['finance', 'admin'],
    });
    expect(plan.roles).toEqual(['client', 'finance', 'admin']);
    expect(plan.granted).toEqual(['finance', 'admin']);
    expect(plan.removed).toEqual([]);
  });

  it('sets exactly the grantable roles named: finance yes, admin no', () => {
    const plan = planUserUpdate({
      actorId: admin,
      target: { id: other, roles: ['client', 'admin'], active: true },
      roles: ['finance'],
    });
    expect(plan.roles).toEqual(['client', 'finance']);
    expect(plan.granted).toEqual(['finance']);
    expect(plan.removed).toEqual(['admin']);
  });

  it('keeps the counselor role whatever the list says', () => {
    const kept = planUserUpdate({
      actorId: admin,
      target: { id: other, roles: ['client', 'counselor', 'finance'], active: true },
      roles: [],
    });
    expect(kept.roles).toEqual(['client', 'counselor']);
    const named = planUserUpdate({
      actorId: admin,
      target: { id: other, roles: ['client', 'counselor'], active: true },
      roles: ['client', 'counselor', 'admin'],
    });
    expect(named.roles).toEqual(['client', 'counselor', 'admin']);
  });

  it('refuses to hand out the counselor role', () => {
    expect(
      codeOf(() =>
        planUserUpdate({
          actorId: admin,
          target: { id: other, roles: ['client'], active: true },
          roles: ['counselor'],
        }),
      ),
    ).toBe('unprocessable:role_not_grantable');
  });

  it('refuses unknown roles as a bad field', () => {
    expect(
      codeOf(() =>
        planUserUpdate({ actorId: admin, target: { id: other, roles: ['client'], active: true }, roles: ['root'] }),
      ),
    ).toBe('validation:validation_failed');
  });

  it('never lets admins remove their own admin role or deactivate themselves', () => {
    const self = { id: admin, roles: ['client', 'admin'] as const, active: true };
    expect(codeOf(() => planUserUpdate({ actorId: admin, target: self, roles: ['finance'] }))).toBe(
      'unprocessable:cannot_remove_own_admin',
    );
    expect(codeOf(() => planUserUpdate({ actorId: admin, target: self, active: false }))).toBe(
      'unprocessable:cannot_deactivate_self',
    );
    const keepsAdmin = planUserUpdate({ actorId: admin, target: self, roles: ['admin', 'finance'], active: true });
    expect(keepsAdmin.roles).toEqual(['client', 'finance', 'admin']);
  });

  it('tracks activation changes and leaves roles alone when none are given', () => {
    const plan = planUserUpdate({
      actorId: admin,
      target: { id: other, roles: ['client', 'finance'], active: true },
      active: false,
    });
    expect(plan).toMatchObject({ roles: ['client', 'finance'], active: false, activeChanged: true, granted: [] });
  });

  it('orders roles canonically and always includes client', () => {
    expect(canonicalRoles(['admin', 'finance', 'admin'])).toEqual(['client', 'finance', 'admin']);
  });
});
