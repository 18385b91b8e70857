import type { BookingView } from '@haven/contracts';
import type { BookingEntity } from './booking.entity';

/** `booking` of api.md. Only what either party may see: ids, times, money; never contact data. */
export function toBookingView(booking: BookingEntity): BookingView {
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
    ...(booking.status === 'confirmed' && booking.meetingUrl ? { meetingUrl: booking.meetingUrl } : {}),
    ...(booking.cancelledBy ? { cancelledBy: booking.cancelledBy } : {}),
    ...(booking.cancelReason ? { cancelReason: booking.cancelReason } : {}),
    ...(booking.rescheduledFrom ? { rescheduledFrom: booking.rescheduledFrom.toISOString() } : {}),
    createdAt: booking.createdAt.toISOString(),
  };
}
