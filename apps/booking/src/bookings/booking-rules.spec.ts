import { describe, expect, it } from 'vitest';
import {
  type BookingFacts,
  type BookingPolicy,
  cancelRefusal,
  clientTerms,
  canTransition,
  completeRefusal,
  noShowRefusal,
  refundOnCancel,
  rescheduleRefusal,
} from './booking-rules';

const policy: BookingPolicy = {
  fullRefundHours: 24,
  partialRefundHours: 2,
  partialRefundPercent: 50,
  rescheduleMinHours: 12,
};
const now = new Date('2026-12-10T10:00:00.000Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function booking(overrides: Partial<BookingFacts> = {}): BookingFacts {
  return {
    status: 'confirmed',
    startsAt: hoursFromNow(48),
    endsAt: hoursFromNow(49),
    rescheduledFrom: null,
    ...overrides,
  };
}

describe('refund policy', () => {
  const refund = (
    hours: number,
    cancelledBy: 'client' | 'counselor' | 'admin' | 'system' = 'client',
    paidPaise = 3_001,
  ) => refundOnCancel({ paidPaise, startsAt: hoursFromNow(hours), now, cancelledBy, policy });

  it('refunds a client in full from 24 h before the start', () => {
    expect(refund(24)).toEqual({ amountPaise: 3_001, rule: 'full' });
    expect(refund(100)).toEqual({ amountPaise: 3_001, rule: 'full' });
  });

  it('refunds half (rounded down to the paisa) between 2 h and 24 h', () => {
    expect(refund(23.99)).toEqual({ amountPaise: 1_500, rule: 'partial' });
    expect(refund(2)).toEqual({ amountPaise: 1_500, rule: 'partial' });
  });

  it('refunds nothing under 2 h', () => {
    expect(refund(1.99)).toEqual({ amountPaise: 0, rule: 'none' });
  });

  it('always refunds in full when the counselor, an admin or the system cancels', () => {
    for (const by of ['counselor', 'admin', 'system'] as const) {
      expect(refund(0.5, by)).toEqual({ amountPaise: 3_001, rule: 'full' });
    }
  });

  it('refunds nothing when nothing was paid', () => {
    expect(refund(48, 'counselor', 0)).toEqual({ amountPaise: 0, rule: 'none' });
  });
});

describe('booking state machine', () => {
  it('allows only the documented moves', () => {
    expect(canTransition('pending_payment', 'confirmed')).toBe(true);
    expect(canTransition('pending_payment', 'expired')).toBe(true);
    expect(canTransition('expired', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'completed')).toBe(true);
    expect(canTransition('confirmed', 'pending_payment')).toBe(false);
    expect(canTransition('cancelled', 'confirmed')).toBe(false);
    expect(canTransition('completed', 'cancelled')).toBe(false);
    expect(canTransition('expired', 'cancelled')).toBe(false);
  });

  it('lets a client drop an unpaid hold, and no one cancel after the start or twice', () => {
    expect(cancelRefusal(booking({ status: 'pending_payment' }), 'client', now)).toBeNull();
    expect(cancelRefusal(booking({ status: 'pending_payment' }), 'counselor', now)).toMatch(/only the client/);
    expect(cancelRefusal(booking(), 'counselor', now)).toBeNull();
    expect(cancelRefusal(booking({ startsAt: hoursFromNow(-0.1) }), 'admin', now)).toMatch(/started/);
    expect(cancelRefusal(booking({ status: 'cancelled' }), 'client', now)).toMatch(/cancelled booking/);
  });

  it('reschedules once, at least 12 h ahead, confirmed bookings only', () => {
    expect(rescheduleRefusal(booking({ startsAt: hoursFromNow(12) }), policy, now)).toBeNull();
    expect(rescheduleRefusal(booking({ startsAt: hoursFromNow(11.9) }), policy, now)).toMatch(/12 hours/);
    expect(rescheduleRefusal(booking({ rescheduledFrom: hoursFromNow(30) }), policy, now)).toMatch(/once/);
    expect(rescheduleRefusal(booking({ status: 'pending_payment' }), policy, now)).toMatch(/pending_payment/);
  });

  it('completes only after the end and marks no-show only after the start', () => {
    expect(completeRefusal(booking({ startsAt: hoursFromNow(-2), endsAt: hoursFromNow(-1) }), now)).toBeNull();
    expect(completeRefusal(booking({ startsAt: hoursFromNow(-0.5), endsAt: hoursFromNow(0.5) }), now)).toMatch(
      /not ended/,
    );
    expect(noShowRefusal(booking({ startsAt: hoursFromNow(-0.5), endsAt: hoursFromNow(0.5) }), now)).toBeNull();
    expect(noShowRefusal(booking(), now)).toMatch(/not started/);
    expect(noShowRefusal(booking({ status: 'completed', startsAt: hoursFromNow(-3) }), now)).toMatch(/completed/);
  });
});

describe('clientTerms', () => {
  const startsAt = hoursFromNow(48);
  const terms = clientTerms({ paidPaise: 1_50_001, startsAt, rescheduled: false, policy });

  it('names the instants where the refund steps down, agreeing with refundOnCancel on each side', () => {
    expect(terms).toEqual({
      fullRefundBefore: hoursFromNow(24).toISOString(),
      partialRefundBefore: hoursFromNow(46).toISOString(),
      partialRefundPaise: 75_000,
      rescheduleBefore: hoursFromNow(36).toISOString(),
    });
    const refundAt = (instant: string, deltaMs: number) =>
      refundOnCancel({
        paidPaise: 1_50_001,
        startsAt,
        now: new Date(new Date(instant).getTime() + deltaMs),
        cancelledBy: 'client',
        policy,
      }).amountPaise;
    expect(refundAt(terms.fullRefundBefore, -1)).toBe(1_50_001);
    expect(refundAt(terms.fullRefundBefore, 1)).toBe(terms.partialRefundPaise);
    expect(refundAt(terms.partialRefundBefore, -1)).toBe(terms.partialRefundPaise);
    expect(refundAt(terms.partialRefundBefore, 1)).toBe(0);
  });

  it('offers no reschedule deadline once the booking was rescheduled', () => {
    expect(clientTerms({ paidPaise: 0, startsAt, rescheduled: true, policy }).rescheduleBefore).toBeUndefined();
  });
});
