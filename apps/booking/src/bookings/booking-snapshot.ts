import type { BookingSnapshot } from '@haven/contracts';
import type { BookingEntity } from './booking.entity';

const MINUTE_MS = 60_000;

/** What every booking event says about the session (libs/contracts `BookingSnapshot`). */
export function bookingSnapshot(booking: BookingEntity, amountPaise = booking.pricePaise): BookingSnapshot {
  return {
    bookingId: booking.id,
    clientId: booking.clientId,
    counselorId: booking.counselorId,
    counselorName: booking.counselorName,
    offeringId: booking.offeringId,
    offeringTitle: booking.offeringTitle,
    mode: booking.mode,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    durationMinutes: Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / MINUTE_MS),
    amountPaise,
    currency: booking.currency,
  };
}
