import type { ApplicationStatus } from '@haven/contracts';
import {
  assertTransition,
  canTransition as machineAllows,
  DomainError,
  type StateMachine,
  statesLeadingTo,
} from '@haven/common';

/**
 * The vetting workflow of a counselor application, without I/O:
 *
 *   submitted ──approve──────────▶ approved
 *   submitted ──reject───────────▶ rejected
 *   submitted ──request_changes──▶ changes_requested ──resubmit──▶ submitted
 *
 * `approved` and `rejected` are final. The service consults the machine first, then applies the
 * transition with a guarded UPDATE (`WHERE status IN (from)`), so two racing decisions cannot both win.
 */
export type ApplicationAction = 'approve' | 'reject' | 'request_changes' | 'resubmit';

export interface ApplicationTransition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
}

const PAST_TENSE: Record<ApplicationStatus, string> = {
  approved: 'approved',
  rejected: 'rejected',
  changes_requested: 'sent back for changes',
  submitted: 'resubmitted',
};

export const APPLICATION_MACHINE: StateMachine<ApplicationStatus> = {
  transitions: {
    submitted: ['approved', 'rejected', 'changes_requested'],
    changes_requested: ['submitted'],
    approved: [],
    rejected: [],
  },
  refusal: (from, to) =>
    to === 'submitted'
      ? DomainError.conflict(
          'application_not_editable',
          `The application is ${from}; it can only be changed while changes are requested`,
        )
      : DomainError.conflict(
          'application_already_decided',
          `The application is ${from}; only a submitted application can be ${PAST_TENSE[to]}`,
        ),
};

const leadingTo = (to: ApplicationStatus): ApplicationTransition => ({
  from: statesLeadingTo(APPLICATION_MACHINE, to),
  to,
});

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationAction, ApplicationTransition>> = {
  approve: leadingTo('approved'),
  reject: leadingTo('rejected'),
  request_changes: leadingTo('changes_requested'),
  resubmit: leadingTo('submitted'),
};

const OPEN: readonly ApplicationStatus[] = ['submitted', 'changes_requested'];

/** Waiting for the applicant or an admin: a user may have only one such application. */
export function isOpen(status: ApplicationStatus): boolean {
  return OPEN.includes(status);
}

export function canTransition(status: ApplicationStatus, action: ApplicationAction): boolean {
  return machineAllows(APPLICATION_MACHINE, status, APPLICATION_TRANSITIONS[action].to);
}

/** The status after `action`, or a conflict naming why the application cannot take it now. */
export function nextStatus(status: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  const to = APPLICATION_TRANSITIONS[action].to;
  assertTransition(APPLICATION_MACHINE, status, to);
  return to;
}

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
