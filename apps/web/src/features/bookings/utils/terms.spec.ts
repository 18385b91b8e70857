import { describe, expect, it } from 'vitest';
import type { Booking } from '@/lib/api/bookings';
import { isUpcoming, refundIfCancelledAt, rescheduleWindow } from './terms';

const booking: Booking = {
  id: 'b1',
  clientId: 'c1',
  counselorId: 'k1',
  offeringId: 'o1',
  mode: 'video',
  startsAt: '2026-12-10T04:30:00.000Z',
  endsAt: '2026-12-10T05:20:00.000Z',
  status: 'confirmed',
  pricePaise: 1_50_000,
  currency: 'INR',
  createdAt: '2026-12-01T00:00:00.000Z',
  clientTerms: {
    fullRefundBefore: '2026-12-09T04:30:00.000Z',
    partialRefundBefore: '2026-12-10T02:30:00.000Z',
    partialRefundPaise: 75_000,
    rescheduleBefore: '2026-12-09T16:30:00.000Z',
  },
};

describe('refundIfCancelledAt', () => {
  it('steps from full to partial to nothing at the deadlines the API sent', () => {
    expect(refundIfCancelledAt(booking, new Date('2026-12-09T04:29:59Z'))).toEqual({
      amountPaise: 1_50_000,
      rule: 'full',
    });
    expect(refundIfCancelledAt(booking, new Date('2026-12-09T04:30:00Z'))).toEqual({
      amountPaise: 75_000,
      rule: 'partial',
    });
    expect(refundIfCancelledAt(booking, new Date('2026-12-10T02:30:00Z'))).toEqual({ amountPaise: 0, rule: 'none' });
  });

  it('gives nothing back for a free session or an unpaid hold', () => {
    const early = new Date('2026-12-01T00:00:00Z');
    expect(refundIfCancelledAt({ ...booking, pricePaise: 0 }, early).amountPaise).toBe(0);
    expect(refundIfCancelledAt({ ...booking, status: 'pending_payment' }, early).amountPaise).toBe(0);
  });
});

describe('rescheduleWindow', () => {
  it('is open until the deadline, and closed once moved (no deadline sent)', () => {
    expect(rescheduleWindow(booking, new Date('2026-12-09T16:29:00Z'))).toEqual({
      allowed: true,
      before: '2026-12-09T16:30:00.000Z',
    });
    expect(rescheduleWindow(booking, new Date('2026-12-09T16:30:00Z')).allowed).toBe(false);
    const moved = { ...booking, clientTerms: { ...booking.clientTerms!, rescheduleBefore: undefined } };
    expect(rescheduleWindow(moved, new Date('2026-12-01T00:00:00Z')).allowed).toBe(false);
  });
});

describe('isUpcoming', () => {
  it('keeps a session in progress and drops cancelled ones', () => {
    expect(isUpcoming(booking, new Date('2026-12-10T05:00:00Z'))).toBe(true);
    expect(isUpcoming(booking, new Date('2026-12-10T05:20:00Z'))).toBe(false);
    expect(isUpcoming({ ...booking, status: 'cancelled' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});
