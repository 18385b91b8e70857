import type { CounselorStatus } from '@haven/contracts';
import { assertTransition, DomainError, type StateMachine } from '@haven/common';

/**
 * An approved counselor is `active` (public, bookable) or `suspended` (hidden, not bookable):
 *
 *   active ──suspend──▶ suspended ──reinstate──▶ active
 */
export type CounselorAction = 'suspend' | 'reinstate';

export const COUNSELOR_MACHINE: StateMachine<CounselorStatus> = {
  transitions: { active: ['suspended'], suspended: ['active'] },
  refusal: (_from, to) =>
    to === 'suspended'
      ? DomainError.conflict('counselor_already_suspended', 'The counselor is already suspended')
      : DomainError.conflict('counselor_not_suspended', 'The counselor is not suspended'),
};

const ACTION_TARGETS: Readonly<Record<CounselorAction, CounselorStatus>> = {
  suspend: 'suspended',
  reinstate: 'active',
};

export function nextCounselorStatus(status: CounselorStatus, action: CounselorAction): CounselorStatus {
  const to = ACTION_TARGETS[action];
  assertTransition(COUNSELOR_MACHINE, status, to);
  return to;
}
