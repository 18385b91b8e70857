import {
  AccountsEvents,
  type BookingCancelledData,
  type BookingConfirmedData,
  BookingEvents,
  type BookingRescheduledData,
  type BookingSnapshot,
  type CounselorApplicationDecision,
  type CounselorStatusChange,
  DirectoryEvents,
  type EventEnvelope,
  type PasswordResetRequestedData,
  type PaymentFailedData,
  type ReconciliationCompletedData,
  type RefundFailedData,
  type RefundProcessedData,
  type Role,
} from '@haven/contracts';
import type { NotificationInput, SessionFacts } from '../templates/notification-input';

/** Who a notification is for: one user, or every active user holding a role (finance alerts). */
export type Audience = { userId: string } | { role: Role };

export interface PlannedNotification {
  audience: Audience;
  input: NotificationInput;
}

/** Which people an event concerns and what each of them is told. Pure: no I/O, no clock. */
export function planNotifications(event: EventEnvelope): PlannedNotification[] {
  const sequence = Math.floor(Date.parse(event.occurredAt) / 1000);
  switch (event.type) {
    case BookingEvents.confirmed.type: {
      const data = event.data as BookingConfirmedData;
      const session = sessionFacts(data, data.meetingUrl);
      return bothSides(data, (role) => ({ type: 'booking.confirmed', role, session, icsSequence: sequence }));
    }
    case BookingEvents.cancelled.type: {
      const data = event.data as BookingCancelledData;
      const session = sessionFacts(data, null);
      return bothSides(data, (role) => ({
        type: 'booking.cancelled',
        role,
        session,
        cancelledBy: data.cancelledBy,
        reason: data.reason,
        refundPaise: data.refund?.amountPaise ?? null,
        icsSequence: sequence,
      }));
    }
    case BookingEvents.rescheduled.type: {
      const data = event.data as BookingRescheduledData;
      const session = sessionFacts(data, data.meetingUrl);
      return bothSides(data, (role) => ({
        type: 'booking.rescheduled',
        role,
        session,
        previousStartsAt: data.previousStartsAt,
        previousEndsAt: data.previousEndsAt,
        icsSequence: sequence,
      }));
    }
    case BookingEvents.expired.type: {
      const data = event.data as BookingSnapshot;
      return [
        { audience: { userId: data.clientId }, input: { type: 'booking.expired', session: sessionFacts(data, null) } },
      ];
    }
    case BookingEvents.paymentFailed.type: {
      const data = event.data as PaymentFailedData;
      return [
        {
          audience: { userId: data.clientId },
          input: { type: 'payment.failed', session: sessionFacts(data, null), reason: data.reason },
        },
      ];
    }
    case BookingEvents.refundProcessed.type: {
      const data = event.data as RefundProcessedData;
      return [
        {
          audience: { userId: data.clientId },
          input: { type: 'refund.processed', session: sessionFacts(data, null), refundPaise: data.refundPaise },
        },
      ];
    }
    case BookingEvents.refundFailed.type: {
      const data = event.data as RefundFailedData;
      return [
        {
          audience: { userId: data.clientId },
          input: {
            type: 'refund.failed',
            session: sessionFacts(data, null),
            refundPaise: data.refundPaise,
            willRetry: data.willRetry,
          },
        },
      ];
    }
    case BookingEvents.reconciliationCompleted.type: {
      const data = event.data as ReconciliationCompletedData;
      if (data.discrepancies <= 0 && data.status === 'done') return [];
      return [
        {
          audience: { role: 'finance' },
          input: {
            type: 'reconciliation.mismatch',
            reconciliationId: data.reconciliationId,
            from: data.from,
            to: data.to,
            summary: data.summary,
            discrepancies: data.discrepancies,
          },
        },
      ];
    }
    case DirectoryEvents.applicationSubmitted.type: {
      const data = event.data as { applicationId: string; userId: string; resubmission: boolean };
      return [
        {
          audience: { userId: data.userId },
          input: {
            type: 'counselor.application-submitted',
            applicationId: data.applicationId,
            resubmission: data.resubmission,
          },
        },
      ];
    }
    case DirectoryEvents.approved.type:
      return [decision(event.data as CounselorApplicationDecision, 'approved')];
    case DirectoryEvents.rejected.type:
      return [decision(event.data as CounselorApplicationDecision, 'rejected')];
    case DirectoryEvents.changesRequested.type:
      return [decision(event.data as CounselorApplicationDecision, 'changes_requested')];
    case DirectoryEvents.suspended.type: {
      const data = event.data as CounselorStatusChange;
      return [
        { audience: { userId: data.counselorId }, input: { type: 'counselor.suspended', reason: data.reason ?? null } },
      ];
    }
    case AccountsEvents.passwordResetRequested.type: {
      const data = event.data as PasswordResetRequestedData;
      return [
        {
          audience: { userId: data.userId },
          input: { type: 'account.password-reset', requestId: data.requestId, expiresAt: data.expiresAt },
        },
      ];
    }
    default:
      return [];
  }
}

export function sessionFacts(data: BookingSnapshot, meetingUrl: string | null): SessionFacts {
  return {
    bookingId: data.bookingId,
    counselorName: data.counselorName,
    offeringTitle: data.offeringTitle,
    mode: data.mode,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    durationMinutes: data.durationMinutes,
    amountPaise: data.amountPaise,
    meetingUrl,
  };
}

function bothSides(
  data: BookingSnapshot,
  build: (role: 'client' | 'counselor') => NotificationInput,
): PlannedNotification[] {
  return [
    { audience: { userId: data.clientId }, input: build('client') },
    { audience: { userId: data.counselorId }, input: build('counselor') },
  ];
}

function decision(
  data: CounselorApplicationDecision,
  outcome: 'approved' | 'rejected' | 'changes_requested',
): PlannedNotification {
  return {
    audience: { userId: data.userId },
    input: {
      type: 'counselor.application-decided',
      applicationId: data.applicationId,
      decision: outcome,
      reviewerNote: (outcome === 'approved' ? data.note : data.reason) ?? null,
    },
  };
}
