import type { BookingCancelledBy, OfferingMode, ReconciliationSummary } from '@haven/contracts';

/** What a booking message needs to say about the session; taken from the booking events. */
export interface SessionFacts {
  bookingId: string;
  counselorName: string;
  offeringTitle: string;
  mode: OfferingMode;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  amountPaise: number;
  meetingUrl: string | null;
}

/** Whose side of a booking the recipient is on. */
export type SessionRole = 'client' | 'counselor';

/**
 * Everything a message is rendered from, except the recipient (name, zone) and anything secret: a
 * channel job carries this and renders it at send time in the recipient's current zone. A
 * password-reset link is fetched when the mail is sent, never stored here.
 */
export type NotificationInput =
  | { type: 'booking.confirmed'; role: SessionRole; session: SessionFacts; icsSequence: number }
  | {
      type: 'booking.cancelled';
      role: SessionRole;
      session: SessionFacts;
      cancelledBy: BookingCancelledBy;
      reason: string | null;
      refundPaise: number | null;
      icsSequence: number;
    }
  | {
      type: 'booking.rescheduled';
      role: SessionRole;
      session: SessionFacts;
      previousStartsAt: string;
      previousEndsAt: string;
      icsSequence: number;
    }
  | { type: 'booking.reminder'; role: SessionRole; session: SessionFacts; offsetMinutes: number }
  | { type: 'booking.expired'; session: SessionFacts }
  | { type: 'payment.failed'; session: SessionFacts; reason: string | null }
  | { type: 'refund.processed'; session: SessionFacts; refundPaise: number }
  | { type: 'refund.failed'; session: SessionFacts; refundPaise: number; willRetry: boolean }
  | { type: 'counselor.application-submitted'; applicationId: string; resubmission: boolean }
  | {
      type: 'counselor.application-decided';
      applicationId: string;
      decision: 'approved' | 'rejected' | 'changes_requested';
      /** The admin's reason (rejection, changes) or note (approval). */
      reviewerNote: string | null;
    }
  | { type: 'counselor.suspended'; reason: string | null }
  | {
      type: 'reconciliation.mismatch';
      reconciliationId: string;
      from: string;
      to: string;
      summary: ReconciliationSummary;
      discrepancies: number;
    }
  | { type: 'account.password-reset'; requestId: string; expiresAt: string };

/** Messages that go out whatever the recipient's preferences say. */
export function isSecurityNotice(input: NotificationInput): boolean {
  return input.type === 'account.password-reset';
}

/** Messages worth a text message when the recipient turned SMS on. */
export function isSmsWorthy(input: NotificationInput): boolean {
  return ['booking.confirmed', 'booking.cancelled', 'booking.rescheduled', 'booking.reminder'].includes(input.type);
}
