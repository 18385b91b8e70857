import type { ApplicationStatus } from '@haven/contracts';
import { DomainError } from '@haven/common';

/**
 * The vetting workflow of a counselor application, without I/O:
 *
 *   submitted ──approve──────────▶ approved
 *   submitted ──reject───────────▶ rejected
 *   submitted ──request_changes──▶ changes_requested ──resubmit──▶ submitted
 *
 * `approved` and `rejected` are final. The service applies a transition with a guarded UPDATE
 * (`WHERE status IN (from)`), so two racing decisions cannot both win.
 */
export type ApplicationAction = 'approve' | 'reject' | 'request_changes' | 'resubmit';

export interface ApplicationTransition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
}

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationAction, ApplicationTransition>> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
  resubmit: { from: ['changes_requested'], to: 'submitted' },
};

const OPEN: readonly ApplicationStatus[] = ['submitted', 'changes_requested'];

/** Waiting for the applicant or an admin: a user may have only one such application. */
export function isOpen(status: ApplicationStatus): boolean {
  return OPEN.includes(status);
}

export function canTransition(status: ApplicationStatus, action: ApplicationAction): boolean {
  return APPLICATION_TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or a conflict naming why the application cannot take it now. */
export function nextStatus(status: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  if (canTransition(status, action)) return APPLICATION_TRANSITIONS[action].to;
  if (action === 'resubmit') {
    throw DomainError.conflict(
      'application_not_editable',
      `The application is ${status}; it can only be changed while changes are requested`,
    );
  }
  throw DomainError.conflict(
    'application_already_decided',
    `The application is ${status}; only a submitted application can be ${PAST_TENSE[action]}`,
  );
}

const PAST_TENSE: Record<ApplicationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'sent back for changes',
  resubmit: 'resubmitted',
};

/**
 * Whether a user may submit a new application: not while one is open, and not once they are a
 * counselor (approved, whether active or suspended). A rejected applicant may apply again.
 */
export function assertMayApply(existing: readonly ApplicationStatus[], isCounselor: boolean): void {
  if (isCounselor || existing.includes('approved')) {
    throw DomainError.conflict('already_counselor', 'You are already an approved counselor');
  }
  if (existing.some(isOpen)) {
    throw DomainError.conflict('application_open', 'You already have an open application');
  }
}
