import { defineEvent } from '../events/envelope';

export interface BookingCompletedData {
  bookingId: string;
  clientId: string;
  counselorId: string;
  offeringId: string;
  startsAt: string;
  endsAt: string;
}

/** Published by the booking service. More land with the booking issue. */
export const BookingEvents = {
  completed: defineEvent<BookingCompletedData>('booking.completed'),
} as const;
