import type { BookingClientTermsView, BookingStatus, CancelledBy } from '@haven/contracts';

const HOUR_MS = 3_600_000;

/** Product policies (product.md "Policies"); each comes from configuration. */
export interface BookingPolicy {
  /** A client cancelling at least this long before the start gets everything back. */
  fullRefundHours: number;
  /** … at least this long (and less than the above) gets `partialRefundPercent` back; later, nothing. */
  partialRefundHours: number;
  partialRefundPercent: number;
  /** Latest a reschedule may happen before the (original) start. */
  rescheduleMinHours: number;
}

/** Every move a booking can make; anything else is refused. */
const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  pending_payment: ['confirmed', 'expired', 'cancelled'],
  // A payment that arrives after its hold lapsed confirms when the slot is still free.
  expired: ['confirmed'],
  confirmed: ['cancelled', 'completed', 'no_show'],
  cancelled: [],
  completed: [],
  no_show: [],
};

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** How much of `paidPaise` a cancellation gives back. Counselors, admins and the system always refund in full. */
export function refundOnCancel(input: {
  paidPaise: number;
  startsAt: Date;
  now: Date;
  cancelledBy: CancelledBy;
  policy: BookingPolicy;
}): { amountPaise: number; rule: 'full' | 'partial' | 'none' } {
  const { paidPaise, startsAt, now, cancelledBy, policy } = input;
  if (paidPaise <= 0) return { amountPaise: 0, rule: 'none' };
  if (cancelledBy !== 'client') return { amountPaise: paidPaise, rule: 'full' };
  const hoursBefore = (startsAt.getTime() - now.getTime()) / HOUR_MS;
  if (hoursBefore >= policy.fullRefundHours) return { amountPaise: paidPaise, rule: 'full' };
  if (hoursBefore >= policy.partialRefundHours) {
    const amountPaise = Math.floor((paidPaise * policy.partialRefundPercent) / 100);
    return amountPaise > 0 ? { amountPaise, rule: 'partial' } : { amountPaise: 0, rule: 'none' };
  }
  return { amountPaise: 0, rule: 'none' };
}

/**
 * The deadlines behind `refundOnCancel` and `rescheduleRefusal` for a client, so the client can be
 * shown what cancelling or rescheduling gets before doing it.
 */
export function clientTerms(input: {
  paidPaise: number;
  startsAt: Date;
  rescheduled: boolean;
  policy: BookingPolicy;
}): BookingClientTermsView {
  const { paidPaise, startsAt, rescheduled, policy } = input;
  const before = (hours: number) => new Date(startsAt.getTime() - hours * HOUR_MS).toISOString();
  return {
    fullRefundBefore: before(policy.fullRefundHours),
    partialRefundBefore: before(policy.partialRefundHours),
    partialRefundPaise: Math.max(0, Math.floor((paidPaise * policy.partialRefundPercent) / 100)),
    ...(rescheduled ? {} : { rescheduleBefore: before(policy.rescheduleMinHours) }),
  };
}

export interface BookingFacts {
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  rescheduledFrom: Date | null;
}

/** Why a cancellation is refused, or null when it may go ahead. */
export function cancelRefusal(booking: BookingFacts, cancelledBy: CancelledBy, now: Date): string | null {
  if (booking.status === 'pending_payment') {
    return cancelledBy === 'client' ? null : 'only the client can cancel an unpaid hold';
  }
  if (booking.status !== 'confirmed') return `a ${booking.status} booking cannot be cancelled`;
  if (booking.startsAt <= now) return 'the session has already started';
  return null;
}

export function rescheduleRefusal(booking: BookingFacts, policy: BookingPolicy, now: Date): string | null {
  if (booking.status !== 'confirmed') return `a ${booking.status} booking cannot be rescheduled`;
  if (booking.rescheduledFrom) return 'a booking can be rescheduled only once';
  if (booking.startsAt.getTime() - now.getTime() < policy.rescheduleMinHours * HOUR_MS) {
    return `a booking can be rescheduled only up to ${policy.rescheduleMinHours} hours before it starts`;
  }
  return null;
}

export function completeRefusal(booking: BookingFacts, now: Date): string | null {
  if (booking.status !== 'confirmed') return `a ${booking.status} booking cannot be completed`;
  if (booking.endsAt > now) return 'the session has not ended yet';
  return null;
}

export function noShowRefusal(booking: BookingFacts, now: Date): string | null {
  if (booking.status !== 'confirmed') return `a ${booking.status} booking cannot be marked no-show`;
  if (booking.startsAt > now) return 'the session has not started yet';
  return null;
}
