import type { BookingView } from '@haven/contracts';
import type { RefundEntity } from '../payments/refund.entity';
import type { BookingEntity } from './booking.entity';
import { type BookingPolicy, clientTerms } from './booking-rules';

export interface BookingViewExtras {
  /** Razorpay key id for Checkout; with it, a booking with an order shows `payment`. */
  keyId?: string;
  refund?: Pick<RefundEntity, 'amountPaise' | 'status'> | null;
  /** The sandbox's Checkout page base (`…/sandbox/checkout/`); absent with real Razorpay keys. */
  sandboxCheckoutUrl?: string;
  /** With it, a confirmed booking carries its client's cancel and reschedule terms. */
  policy?: BookingPolicy;
}

/** `booking` of api.md. Only what either party may see: ids, times, money; never contact data. */
export function toBookingView(booking: BookingEntity, extras: BookingViewExtras = {}): BookingView {
  return {
    id: booking.id,
    clientId: booking.clientId,
    counselorId: booking.counselorId,
    offeringId: booking.offeringId,
    mode: booking.mode,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    status: booking.status,
    pricePaise: booking.pricePaise,
    currency: booking.currency,
    ...(booking.status === 'pending_payment' && booking.expiresAt
      ? { expiresAt: booking.expiresAt.toISOString() }
      : {}),
    ...(booking.razorpayOrderId && extras.keyId
      ? {
          payment: {
            provider: 'razorpay' as const,
            keyId: extras.keyId,
            orderId: booking.razorpayOrderId,
            amountPaise: booking.pricePaise,
            currency: booking.currency,
            ...(extras.sandboxCheckoutUrl
              ? { checkoutUrl: `${extras.sandboxCheckoutUrl}${encodeURIComponent(booking.razorpayOrderId)}` }
              : {}),
          },
        }
      : {}),
    ...(booking.status === 'confirmed' && booking.meetingUrl ? { meetingUrl: booking.meetingUrl } : {}),
    ...(booking.cancelledBy ? { cancelledBy: booking.cancelledBy } : {}),
    ...(booking.cancelReason ? { cancelReason: booking.cancelReason } : {}),
    ...(extras.refund ? { refund: { amountPaise: extras.refund.amountPaise, status: extras.refund.status } } : {}),
    ...(booking.rescheduledFrom ? { rescheduledFrom: booking.rescheduledFrom.toISOString() } : {}),
    createdAt: booking.createdAt.toISOString(),
    ...(booking.status === 'confirmed' && extras.policy
      ? {
          clientTerms: clientTerms({
            paidPaise: booking.pricePaise,
            startsAt: booking.startsAt,
            rescheduled: booking.rescheduledFrom !== null,
            policy: extras.policy,
          }),
        }
      : {}),
  };
}
