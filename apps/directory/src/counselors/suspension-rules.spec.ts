import { domainErrorOf } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { assertNotSuspended, onlyWithdraws } from './suspension-rules';

describe('what a suspended counselor may change', () => {
  it('refuses a suspended counselor with 422 counselor_suspended, lets an active one through', () => {
    expect(domainErrorOf(() => assertNotSuspended({ status: 'suspended' }, 'edit the public profile'))).toMatchObject({
      kind: 'unprocessable',
      code: 'counselor_suspended',
      message: 'A suspended counselor cannot edit the public profile',
    });
    expect(() => assertNotSuspended({ status: 'active' }, 'edit the public profile')).not.toThrow();
  });

  it('allows withdrawing an offering and nothing else', () => {
    expect(onlyWithdraws({ active: false })).toBe(true);
    expect(onlyWithdraws({ active: true })).toBe(false);
    expect(onlyWithdraws({})).toBe(false);
    expect(onlyWithdraws({ active: false, title: 'Renamed' } as { active: boolean })).toBe(false);
  });
});
