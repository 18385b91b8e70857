import type { CounselorStatus } from '@haven/contracts';
import { DomainError } from '@haven/common';

/**
 * An approved counselor is `active` (public, bookable) or `suspended` (hidden, not bookable):
 *
 *   active ──suspend──▶ suspended ──reinstate──▶ active
 */
export type CounselorAction = 'suspend' | 'reinstate';

export const COUNSELOR_TRANSITIONS: Readonly<Record<CounselorAction, { from: CounselorStatus; to: CounselorStatus }>> =
  {
    suspend: { from: 'active', to: 'suspended' },
    reinstate: { from: 'suspended', to: 'active' },
  };

export function nextCounselorStatus(status: CounselorStatus, action: CounselorAction): CounselorStatus {
  const transition = COUNSELOR_TRANSITIONS[action];
  if (status === transition.from) return transition.to;
  throw action === 'suspend'
    ? DomainError.conflict('counselor_already_suspended', 'The counselor is already suspended')
    : DomainError.conflict('counselor_not_suspended', 'The counselor is not suspended');
}
