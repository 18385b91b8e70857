import { describe, expect, it } from 'vitest';
import type { BookingEntity } from './booking.entity';
import { toBookingView } from './booking.view';

function entity(overrides: Partial<BookingEntity> = {}): BookingEntity {
  return {
    id: '5a0c6c1e-0f59-4a57-9a43-6f2d2f4f0001',
    clientId: '5a0c6c1e-0f59-4a57-9a43-6f2d2f4f0002',
    counselorId: '5a0c6c1e-0f59-4a57-9a43-6f2d2f4f0003',
    offeringId: '5a0c6c1e-0f59-4a57-9a43-6f2d2f4f0004',
    offeringTitle: 'Video session',
    counselorName: 'Asha Rao',
    mode: 'video',
    startsAt: new Date('2026-12-10T04:30:00.000Z'),
    endsAt: new Date('2026-12-10T05:20:00.000Z'),
    bufferMinutes: 10,
    blockedUntil: new Date('2026-12-10T05:30:00.000Z'),
    status: 'pending_payment',
    pricePaise: 50_000,
    currency: 'INR',
    razorpayOrderId: 'order_Abc123',
    expiresAt: new Date('2026-12-09T10:10:00.000Z'),
    meetingUrl: null,
    cancelledBy: null,
    cancelReason: null,
    cancelledAt: null,
    rescheduledFrom: null,
    confirmedAt: null,
    createdAt: new Date('2026-12-09T10:00:00.000Z'),
    updatedAt: new Date('2026-12-09T10:00:00.000Z'),
    ...overrides,
  };
}

describe('booking view', () => {
  it('shows a pending hold with its expiry and what Checkout needs, never a meeting link', () => {
    const view = toBookingView(entity({ meetingUrl: 'https://meet.jit.si/haven-x' }), { keyId: 'rzp_test_key' });
    expect(view).toMatchObject({
      status: 'pending_payment',
      expiresAt: '2026-12-09T10:10:00.000Z',
      payment: {
        provider: 'razorpay',
        keyId: 'rzp_test_key',
        orderId: 'order_Abc123',
        amountPaise: 50_000,
        currency: 'INR',
      },
    });
    expect(view.meetingUrl).toBeUndefined();
  });

  it('shows the meeting link only while confirmed, and the refund and who cancelled once cancelled', () => {
    const confirmed = toBookingView(entity({ status: 'confirmed', meetingUrl: 'https://meet.jit.si/haven-x' }));
    expect(confirmed.meetingUrl).toBe('https://meet.jit.si/haven-x');
    expect(confirmed.expiresAt).toBeUndefined();
    const cancelled = toBookingView(
      entity({
        status: 'cancelled',
        meetingUrl: 'https://meet.jit.si/haven-x',
        cancelledBy: 'client',
        cancelReason: 'Busy',
      }),
      { refund: { amountPaise: 25_000, status: 'pending' } },
    );
    expect(cancelled).toMatchObject({
      cancelledBy: 'client',
      cancelReason: 'Busy',
      refund: { amountPaise: 25_000, status: 'pending' },
    });
    expect(cancelled.meetingUrl).toBeUndefined();
  });

  it('never carries the names copied for events', () => {
    expect(Object.keys(toBookingView(entity()))).not.toContain('counselorName');
  });

  it('points a sandbox hold at the sandbox Checkout page, and a confirmed booking carries its client terms', () => {
    const held = toBookingView(entity(), {
      keyId: 'rzp_test_havensandbox',
      sandboxCheckoutUrl: 'http://127.0.0.1:4010/sandbox/checkout/',
    });
    expect(held.payment?.checkoutUrl).toBe('http://127.0.0.1:4010/sandbox/checkout/order_Abc123');
    expect(held.clientTerms).toBeUndefined();

    const policy = { fullRefundHours: 24, partialRefundHours: 2, partialRefundPercent: 50, rescheduleMinHours: 12 };
    const confirmed = toBookingView(entity({ status: 'confirmed', razorpayOrderId: null }), { policy });
    expect(confirmed.clientTerms).toEqual({
      fullRefundBefore: '2026-12-09T04:30:00.000Z',
      partialRefundBefore: '2026-12-10T02:30:00.000Z',
      partialRefundPaise: 25_000,
      rescheduleBefore: '2026-12-09T16:30:00.000Z',
    });
  });

  it('leaves Checkout to checkout.js with real keys', () => {
    expect(toBookingView(entity(), { keyId: 'rzp_live_x' }).payment?.checkoutUrl).toBeUndefined();
  });
});
