import type { Booking } from '@/lib/api/bookings';

export type RefundRule = 'full' | 'partial' | 'none';

/**
 * What the client gets back if they cancel at `now`, read from the terms the API attached to the
 * booking (the same deadlines the booking service applies). Unpaid holds and free sessions: nothing.
 */
export function refundIfCancelledAt(booking: Booking, now: Date): { amountPaise: number; rule: RefundRule } {
  const terms = booking.clientTerms;
  if (booking.status !== 'confirmed' || booking.pricePaise === 0 || !terms) return { amountPaise: 0, rule: 'none' };
  if (now < new Date(terms.fullRefundBefore)) return { amountPaise: booking.pricePaise, rule: 'full' };
  if (now < new Date(terms.partialRefundBefore) && terms.partialRefundPaise > 0) {
    return { amountPaise: terms.partialRefundPaise, rule: 'partial' };
  }
  return { amountPaise: 0, rule: 'none' };
}

/** Whether the client may still move the booking, and until when. */
export function rescheduleWindow(booking: Booking, now: Date): { allowed: boolean; before?: string } {
  const before = booking.clientTerms?.rescheduleBefore;
  if (booking.status !== 'confirmed' || !before) return { allowed: false };
  return { allowed: now < new Date(before), before };
}

/** Upcoming: still ahead and not ended by a cancellation or expiry. */
export function isUpcoming(booking: Booking, now: Date): boolean {
  return new Date(booking.endsAt) > now && (booking.status === 'confirmed' || booking.status === 'pending_payment');
}
