import { DomainError } from '@haven/common';
import type { CounselorStatus } from '@haven/contracts';

/**
 * What a suspended counselor may still do. Suspension takes them out of public view while an admin
 * looks into something, so they may not change what the public would see on reinstatement — the
 * profile, new offerings, prices, or an offering put back on sale — but they may withdraw an
 * offering (`active: false`), and they keep their private calendar: availability, overrides and
 * time off (booking service), their bookings list and their ICS feed, so they are ready when
 * reinstated. Reading their own data is never restricted.
 */
export function assertNotSuspended(counselor: { status: CounselorStatus }, doing: string): void {
  if (counselor.status === 'suspended') {
    throw DomainError.unprocessable('counselor_suspended', `A suspended counselor cannot ${doing}`);
  }
}

/** Whether offering changes only withdraw it, the one offering change a suspended counselor may make. */
export function onlyWithdraws(changes: { active?: boolean }): boolean {
  const keys = Object.keys(changes);
  return keys.length > 0 && keys.every((key) => key === 'active') && changes.active === false;
}
