import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type {
  Availability,
  AvailabilityInput,
  BookingStatus,
  BookingView,
  SlotsView,
  TimeOffView,
} from './calendar.types';

export interface CreateTimeOffRequest {
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export interface ListTimeOffRequest {
  /** Time off that ends after this instant; default now. */
  from?: string;
  /** Time off that starts before this instant. */
  to?: string;
  page: number;
  limit: number;
}

export interface ListCounselorBookingsRequest {
  /** Bookings starting at or after this instant. */
  from?: string;
  /** Bookings starting before this instant. */
  to?: string;
  status?: BookingStatus;
  page: number;
  limit: number;
}

export interface ListSlotsRequest {
  counselorId: string;
  offeringId: string;
  /** ISO 8601 instant; default now. */
  from?: string;
  /** ISO 8601 instant; default `from` + 7 days; at most 31 days after `from`. */
  to?: string;
}

/** The secret token of a counselor's ICS feed; the gateway turns it into the public URL. */
export interface CalendarFeedToken {
  token: string;
}

/**
 * Served by the booking service. Counselor operations act on the calling actor (it must hold the
 * `counselor` role): there is no way to name another counselor.
 */
export const CalendarRpc = {
  getAvailability: defineRpc<Record<string, never>, Availability>('booking', 'booking.v1.availability.get'),
  putAvailability: defineRpc<AvailabilityInput, Availability>('booking', 'booking.v1.availability.put'),
  createTimeOff: defineRpc<CreateTimeOffRequest, TimeOffView>('booking', 'booking.v1.time-off.create'),
  deleteTimeOff: defineRpc<{ id: string }, { deleted: true }>('booking', 'booking.v1.time-off.delete'),
  listTimeOff: defineRpc<ListTimeOffRequest, Page<TimeOffView>>('booking', 'booking.v1.time-off.list'),
  listCounselorBookings: defineRpc<ListCounselorBookingsRequest, Page<BookingView>>(
    'booking',
    'booking.v1.counselor-bookings.list',
  ),
  /** Public: open slots of an active counselor's active offering. */
  listSlots: defineRpc<ListSlotsRequest, SlotsView>('booking', 'booking.v1.slots.list'),
  /** The counselor's feed token, created on first use. */
  getCalendarFeed: defineRpc<Record<string, never>, CalendarFeedToken>('booking', 'booking.v1.calendar-feed.get'),
  /** Revokes the current feed URL and returns a new token. */
  rotateCalendarFeed: defineRpc<Record<string, never>, CalendarFeedToken>('booking', 'booking.v1.calendar-feed.rotate'),
  /** Public (the token is the credential): the feed as RFC 5545 text; not_found for an unknown token. */
  renderCalendarFeed: defineRpc<CalendarFeedToken, { ics: string }>('booking', 'booking.v1.calendar-feed.render'),
} as const;
