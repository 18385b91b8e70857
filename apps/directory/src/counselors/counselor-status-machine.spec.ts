import { DomainError } from '@haven/common';
import { describe, expect, it } from 'vitest';
import { nextCounselorStatus } from './counselor-status-machine';

describe('counselor status', () => {
  it('suspends an active counselor and reinstates a suspended one', () => {
    expect(nextCounselorStatus('active', 'suspend')).toBe('suspended');
    expect(nextCounselorStatus('suspended', 'reinstate')).toBe('active');
  });

  it('refuses to suspend twice or reinstate an active counselor', () => {
    expect(() => nextCounselorStatus('suspended', 'suspend')).toThrow(DomainError);
    expect(() => nextCounselorStatus('suspended', 'suspend')).toThrow(/already suspended/);
    expect(() => nextCounselorStatus('active', 'reinstate')).toThrow(/not suspended/);
    try {
      nextCounselorStatus('active', 'reinstate');
    } catch (error) {
      expect((error as DomainError).kind).toBe('conflict');
    }
  });
});
