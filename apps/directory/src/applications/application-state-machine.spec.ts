import type { ApplicationStatus } from '@haven/contracts';
import { domainErrorOf } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import {
  type ApplicationAction,
  APPLICATION_TRANSITIONS,
  assertMayApply,
  canTransition,
  isOpen,
  nextStatus,
} from './application-state-machine';

const STATUSES: ApplicationStatus[] = ['submitted', 'changes_requested', 'approved', 'rejected'];
const ACTIONS: ApplicationAction[] = ['approve', 'reject', 'request_changes', 'resubmit'];

describe('application state machine', () => {
  it('lets an admin decide a submitted application three ways', () => {
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'reject')).toBe('rejected');
    expect(nextStatus('submitted', 'request_changes')).toBe('changes_requested');
  });

  it('sends a resubmitted application back into the queue', () => {
    expect(nextStatus('changes_requested', 'resubmit')).toBe('submitted');
  });

  it('allows exactly the four documented transitions', () => {
    const allowed = STATUSES.flatMap((status) =>
      ACTIONS.filter((action) => canTransition(status, action)).map(
        (action) => `${status} -${action}-> ${nextStatus(status, action)}`,
      ),
    );
    expect(allowed.sort()).toEqual(
      [
        'changes_requested -resubmit-> submitted',
        'submitted -approve-> approved',
        'submitted -reject-> rejected',
        'submitted -request_changes-> changes_requested',
      ].sort(),
    );
  });

  it.each(['changes_requested', 'approved', 'rejected'] as const)(
    'refuses every decision on a %s application',
    (status) => {
      for (const action of ['approve', 'reject', 'request_changes'] as const) {
        const error = domainErrorOf(() => nextStatus(status, action));
        expect(error.kind).toBe('conflict');
        expect(error.code).toBe('application_already_decided');
        expect(error.message).toContain(status);
      }
    },
  );

  it.each(['submitted', 'approved', 'rejected'] as const)('refuses edits of a %s application', (status) => {
    const error = domainErrorOf(() => nextStatus(status, 'resubmit'));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('application_not_editable');
  });

  it('treats approved and rejected as final states', () => {
    for (const status of ['approved', 'rejected'] as const) {
      expect(ACTIONS.some((action) => canTransition(status, action))).toBe(false);
    }
  });

  it('names submitted and changes_requested as open, the decided ones as closed', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['submitted', 'changes_requested']);
  });

  it('guards its UPDATEs with the statuses a transition starts from', () => {
    for (const action of ACTIONS) {
      for (const from of APPLICATION_TRANSITIONS[action].from) expect(canTransition(from, action)).toBe(true);
    }
  });

  describe('who may apply', () => {
    it('lets a first-time applicant and a rejected one apply', () => {
      expect(() => assertMayApply([], false)).not.toThrow();
      expect(() => assertMayApply(['rejected', 'rejected'], false)).not.toThrow();
    });

    it.each(['submitted', 'changes_requested'] as const)('refuses a second application while one is %s', (status) => {
      const error = domainErrorOf(() => assertMayApply(['rejected', status], false));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('application_open');
    });

    it('refuses someone who already is a counselor', () => {
      expect(domainErrorOf(() => assertMayApply(['approved'], false)).code).toBe('already_counselor');
      expect(domainErrorOf(() => assertMayApply([], true)).code).toBe('already_counselor');
    });
  });
});
