import { firstName, type NotificationType } from '@haven/contracts';
import { formatInstant, formatLeadTime, formatPeriod, formatRupees, formatSessionTime, zoneOrDefault } from './format';
import type { NotificationInput, SessionFacts, SessionRole } from './notification-input';

export interface Recipient {
  name: string;
  timezone: string;
}

export interface RenderContext {
  publicUrl: string;
  /** Only for a password-reset mail: the link with its freshly issued token. */
  passwordResetLink?: string;
}

/**
 * One message, channel-neutral: the e-mail's HTML and text, the in-app message and the SMS are all
 * cut from this, so they always say the same thing.
 */
export interface RenderedMessage {
  type: NotificationType;
  subject: string;
  greeting: string;
  paragraphs: string[];
  details: [label: string, value: string][];
  action?: { label: string; url: string };
  /** Booking messages carry the crisis line (product.md, Safety). */
  crisisFooter: boolean;
  /** Ids a client can link to, stored with the in-app message. */
  data: Record<string, unknown>;
}

export const CRISIS_LINE =
  'Haven is not an emergency service. If you are in crisis or thinking about harming yourself, call ' +
  'Tele-MANAS, India’s free 24×7 mental-health helpline: 14416 or 1-800-891-4416.';

const MODE_NAMES = { chat: 'chat', audio: 'audio call', video: 'video call' } as const;

export function renderMessage(input: NotificationInput, recipient: Recipient, context: RenderContext): RenderedMessage {
  const zone = zoneOrDefault(recipient.timezone);
  const greeting = `Hello ${firstName(recipient.name) || 'there'},`;
  const base = { type: input.type, greeting, crisisFooter: false, details: [], data: {} };
  switch (input.type) {
    case 'booking.confirmed':
      return {
        ...base,
        subject: `Session confirmed: ${sessionWhen(input.session, zone)}`,
        paragraphs: [`Your ${sessionName(input.session, input.role)} is confirmed.`, joinHint(input.session)],
        details: sessionDetails(input.session, input.role, zone, true),
        ...(input.session.meetingUrl ? { action: { label: 'Join the session', url: input.session.meetingUrl } } : {}),
        crisisFooter: true,
        data: { bookingId: input.session.bookingId, startsAt: input.session.startsAt },
      };
    case 'booking.cancelled': {
      const refund =
        input.role === 'client' && input.refundPaise !== null && input.refundPaise > 0
          ? `A refund of ${formatRupees(input.refundPaise)} is on its way to your original payment method; banks usually take 5–7 working days.`
          : input.role === 'client' && input.session.amountPaise > 0
            ? 'No refund is due for this cancellation under the cancellation policy.'
            : '';
      return {
        ...base,
        subject: `Session cancelled: ${sessionWhen(input.session, zone)}`,
        paragraphs: [
          `Your ${sessionName(input.session, input.role)} on ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)} was cancelled ${cancelledByText(input.cancelledBy, input.role)}.`,
          ...(input.reason ? [`Reason given: ${input.reason}`] : []),
          ...(refund ? [refund] : []),
        ],
        details: [
          ...sessionDetails(input.session, input.role, zone, false),
          ...(input.role === 'client' && input.refundPaise
            ? [['Refund', formatRupees(input.refundPaise)] as [string, string]]
            : []),
        ],
        crisisFooter: true,
        data: { bookingId: input.session.bookingId, refundPaise: input.refundPaise },
      };
    }
    case 'booking.rescheduled':
      return {
        ...base,
        subject: `Session moved to ${sessionWhen(input.session, zone)}`,
        paragraphs: [
          `Your ${sessionName(input.session, input.role)} has moved from ${formatSessionTime(input.previousStartsAt, input.previousEndsAt, zone)} to ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)}.`,
          joinHint(input.session),
        ],
        details: sessionDetails(input.session, input.role, zone, true),
        ...(input.session.meetingUrl ? { action: { label: 'Join the session', url: input.session.meetingUrl } } : {}),
        crisisFooter: true,
        data: { bookingId: input.session.bookingId, startsAt: input.session.startsAt },
      };
    case 'booking.reminder':
      return {
        ...base,
        subject: `Reminder: your session starts in ${formatLeadTime(input.offsetMinutes)}`,
        paragraphs: [
          `Your ${sessionName(input.session, input.role)} starts ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)}.`,
          joinHint(input.session),
        ],
        details: sessionDetails(input.session, input.role, zone, true),
        ...(input.session.meetingUrl ? { action: { label: 'Join the session', url: input.session.meetingUrl } } : {}),
        crisisFooter: true,
        data: {
          bookingId: input.session.bookingId,
          startsAt: input.session.startsAt,
          minutesBefore: input.offsetMinutes,
        },
      };
    case 'booking.expired':
      return {
        ...base,
        subject: 'Your session hold expired',
        paragraphs: [
          `We held ${sessionWhen(input.session, zone)} with ${input.session.counselorName} for you, but the payment did not arrive in time, so the slot was released. Nothing was charged.`,
          'You are welcome to book again.',
        ],
        details: sessionDetails(input.session, 'client', zone, false),
        crisisFooter: true,
        data: { bookingId: input.session.bookingId },
      };
    case 'payment.failed':
      return {
        ...base,
        subject: 'Your payment did not go through',
        paragraphs: [
          `The payment of ${formatRupees(input.session.amountPaise)} for your session with ${input.session.counselorName} on ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)} failed${input.reason ? `: ${input.reason}` : '.'}`,
          'Nothing was charged. You can try again while the slot is held for you.',
        ],
        details: sessionDetails(input.session, 'client', zone, false),
        crisisFooter: true,
        data: { bookingId: input.session.bookingId },
      };
    case 'refund.processed':
      return {
        ...base,
        subject: `Refund of ${formatRupees(input.refundPaise)} processed`,
        paragraphs: [
          `We refunded ${formatRupees(input.refundPaise)} for your session with ${input.session.counselorName} on ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)}. Banks usually take 5–7 working days to show it.`,
        ],
        details: [['Refund', formatRupees(input.refundPaise)], ...sessionDetails(input.session, 'client', zone, false)],
        crisisFooter: true,
        data: { bookingId: input.session.bookingId, refundPaise: input.refundPaise },
      };
    case 'refund.failed':
      return {
        ...base,
        subject: `Your refund of ${formatRupees(input.refundPaise)} is delayed`,
        paragraphs: [
          `Your refund of ${formatRupees(input.refundPaise)} for the session on ${formatSessionTime(input.session.startsAt, input.session.endsAt, zone)} did not go through yet.`,
          input.willRetry
            ? 'We are retrying it automatically; there is nothing you need to do.'
            : 'Our team will look into it and contact you.',
        ],
        details: [['Refund', formatRupees(input.refundPaise)], ...sessionDetails(input.session, 'client', zone, false)],
        crisisFooter: true,
        data: { bookingId: input.session.bookingId, refundPaise: input.refundPaise },
      };
    case 'counselor.application-submitted':
      return {
        ...base,
        subject: input.resubmission ? 'We received your updated application' : 'We received your counselor application',
        paragraphs: [
          'Thank you for applying to counsel on Haven. Our team reviews every application and will write to you when it has been decided.',
        ],
        data: { applicationId: input.applicationId },
      };
    case 'counselor.application-decided':
      return {
        ...base,
        ...decisionText(input.decision, input.reviewerNote, context.publicUrl),
        data: { applicationId: input.applicationId, decision: input.decision },
      };
    case 'counselor.suspended':
      return {
        ...base,
        subject: 'Your counselor profile is suspended',
        paragraphs: [
          'An administrator suspended your counselor profile: it no longer appears in search and cannot be booked. Your upcoming sessions were cancelled and their clients refunded in full.',
          ...(input.reason ? [`Reason given: ${input.reason}`] : []),
        ],
        data: {},
      };
    case 'reconciliation.mismatch':
      return {
        ...base,
        subject: `Reconciliation found ${input.discrepancies} discrepanc${input.discrepancies === 1 ? 'y' : 'ies'}`,
        paragraphs: [
          `The reconciliation of ${formatPeriod(input.from, input.to, zone)} against Razorpay found ${input.discrepancies} item${input.discrepancies === 1 ? '' : 's'} that do not match.`,
        ],
        details: [
          ['Matched', String(input.summary.matched)],
          ['Amount mismatch', String(input.summary.amountMismatch)],
          ['Missing at Razorpay', String(input.summary.missingAtProvider)],
          ['Missing in the ledger', String(input.summary.missingInLedger)],
          ['Status mismatch', String(input.summary.statusMismatch)],
        ],
        action: {
          label: 'Download the items',
          url: `${context.publicUrl}/api/v1/finance/reconciliations/${input.reconciliationId}/items.csv`,
        },
        data: { reconciliationId: input.reconciliationId, discrepancies: input.discrepancies },
      };
    case 'account.password-reset':
      return {
        ...base,
        subject: 'Reset your Haven password',
        paragraphs: [
          `Someone (we hope you) asked to reset the password of your Haven account. The link works once, until ${formatInstant(input.expiresAt, zone)}.`,
          'If you did not ask for this, ignore this mail: your password stays as it is.',
        ],
        ...(context.passwordResetLink
          ? { action: { label: 'Choose a new password', url: context.passwordResetLink } }
          : {}),
        data: {},
      };
  }
}

function decisionText(
  decision: 'approved' | 'rejected' | 'changes_requested',
  note: string | null,
  publicUrl: string,
): Pick<RenderedMessage, 'subject' | 'paragraphs' | 'action'> {
  const noted = note ? [`Note from the reviewer: ${note}`] : [];
  switch (decision) {
    case 'approved':
      return {
        subject: 'Your counselor application is approved',
        paragraphs: [
          'Welcome to Haven! Your application is approved: set up your offerings and availability, and clients can start booking you.',
          ...noted,
        ],
        action: { label: 'Open Haven', url: publicUrl },
      };
    case 'rejected':
      return {
        subject: 'Your counselor application was not approved',
        paragraphs: ['Thank you for applying. After review we could not approve your application.', ...noted],
      };
    case 'changes_requested':
      return {
        subject: 'Your counselor application needs changes',
        paragraphs: ['Our reviewers need a few changes before they can approve your application.', ...noted],
        action: { label: 'Update your application', url: publicUrl },
      };
  }
}

function sessionName(session: SessionFacts, role: SessionRole): string {
  return role === 'client'
    ? `${MODE_NAMES[session.mode]} session with ${session.counselorName}`
    : `${MODE_NAMES[session.mode]} session (${session.offeringTitle}) with a client`;
}

function sessionWhen(session: SessionFacts, zone: string): string {
  return formatInstant(session.startsAt, zone);
}

function joinHint(session: SessionFacts): string {
  return session.meetingUrl
    ? `Join from ${session.meetingUrl} a few minutes before the start.`
    : 'The meeting link will be in your bookings.';
}

function cancelledByText(by: string, role: SessionRole): string {
  if (by === 'system') return 'by Haven';
  if (by === 'admin') return 'by a Haven administrator';
  if (by === role) return 'at your request';
  return by === 'client' ? 'by the client' : 'by the counselor';
}

function sessionDetails(session: SessionFacts, role: SessionRole, zone: string, withLink: boolean): [string, string][] {
  return [
    ['Session', `${session.offeringTitle} (${MODE_NAMES[session.mode]}, ${session.durationMinutes} min)`],
    ...(role === 'client' ? [['Counselor', session.counselorName] as [string, string]] : []),
    ['When', formatSessionTime(session.startsAt, session.endsAt, zone)],
    ['Price', session.amountPaise === 0 ? 'Free' : formatRupees(session.amountPaise)],
    ...(withLink && session.meetingUrl ? [['Meeting link', session.meetingUrl] as [string, string]] : []),
  ];
}
