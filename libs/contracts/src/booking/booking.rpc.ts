import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type {
  Availability,
  AvailabilityInput,
  BookingStatus,
  BookingView,
  SlotsView,
  TimeOffView,
} from './booking.types';

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

/**
 * Open slots and until when time alone leaves them right: the first start stays outside the
 * counselor's notice and no new start enters the range or the booking window. A calendar change
 * ends it sooner; `counselor.openings-changed` announces every such change.
 */
export interface CacheableSlots {
  view: SlotsView;
  /** ISO 8601 instant. */
  freshUntil: string;
}

/** The secret token of a counselor's ICS feed; the gateway turns it into the public URL. */
export interface CalendarFeedToken {
  token: string;
}

export interface NextAvailabilityRequest {
  counselorIds: string[];
  /** Only count slots that start at or after this instant (ISO 8601); default now. */
  from?: string;
  /** Only count slots that start before this instant (ISO 8601); default the booking window. */
  to?: string;
}

export interface NextAvailabilityResponse {
  /** counselorId → the start of the first open slot of any active offering in the range, or null. */
  nextAvailableAt: Record<string, string | null>;
}

/** Requests that take the `Idempotency-Key` header carry it here. */
export interface Idempotent {
  idempotencyKey?: string;
}

export interface CreateBookingRequest extends Idempotent {
  offeringId: string;
  /** ISO 8601 instant: one of the offering's open slots. */
  startsAt: string;
}

export interface ListBookingsRequest {
  role?: 'client' | 'counselor';
  status?: BookingStatus;
  from?: string;
  to?: string;
  page: number;
  limit: number;
}

export interface VerifyPaymentRequest {
  id: string;
  razorpayOrderId: string;
  razorpayPaymentId: string;
  razorpaySignature: string;
}

export interface CancelBookingRequest extends Idempotent {
  id: string;
  reason?: string;
}

export interface RescheduleBookingRequest extends Idempotent {
  id: string;
  startsAt: string;
}

/** A Razorpay webhook as it reached the gateway: the exact bytes (base64) and its headers. */
export interface RazorpayWebhookRequest {
  rawBodyBase64: string;
  signature?: string;
  eventId?: string;
}

/**
 * Served by the booking service, grouped by the feature folder that answers. Counselor operations
 * (availability, time off, their bookings, the calendar feed) act on the calling actor (it must
 * hold the `counselor` role): there is no way to name another counselor.
 */
export const BookingRpc = {
  // availability/
  getAvailability: defineRpc<Record<string, never>, Availability>('booking', 'booking.v1.availability.get'),
  putAvailability: defineRpc<AvailabilityInput, Availability>('booking', 'booking.v1.availability.put'),

  // time-off/
  createTimeOff: defineRpc<CreateTimeOffRequest, TimeOffView>('booking', 'booking.v1.time-off.create'),
  deleteTimeOff: defineRpc<{ id: string }, { deleted: true }>('booking', 'booking.v1.time-off.delete'),
  listTimeOff: defineRpc<ListTimeOffRequest, Page<TimeOffView>>('booking', 'booking.v1.time-off.list'),

  // slots/
  /** Public: open slots of an active counselor's active offering. */
  listSlots: defineRpc<ListSlotsRequest, SlotsView>('booking', 'booking.v1.slots.list'),
  /** Public: the same slots, for the gateway's cache, with how long time alone leaves them right. */
  listCacheableSlots: defineRpc<ListSlotsRequest, CacheableSlots>('booking', 'booking.v1.slots.list-cacheable'),
  /** Used by directory search: "has a free slot between A and B" and `nextAvailableAt`. */
  nextAvailability: defineRpc<NextAvailabilityRequest, NextAvailabilityResponse>(
    'booking',
    'booking.v1.next-availability',
  ),

  // calendar-feed/
  /** The counselor's feed token, created on first use. */
  getCalendarFeed: defineRpc<Record<string, never>, CalendarFeedToken>('booking', 'booking.v1.calendar-feed.get'),
  /** Revokes the current feed URL and returns a new token. */
  rotateCalendarFeed: defineRpc<Record<string, never>, CalendarFeedToken>('booking', 'booking.v1.calendar-feed.rotate'),
  /** Public (the token is the credential): the feed as RFC 5545 text; not_found for an unknown token. */
  renderCalendarFeed: defineRpc<CalendarFeedToken, { ics: string }>('booking', 'booking.v1.calendar-feed.render'),

  // bookings/
  createBooking: defineRpc<CreateBookingRequest, BookingView>('booking', 'booking.v1.bookings.create'),
  listBookings: defineRpc<ListBookingsRequest, Page<BookingView>>('booking', 'booking.v1.bookings.list'),
  /** The signed-in counselor's bookings, by start time. */
  listCounselorBookings: defineRpc<ListCounselorBookingsRequest, Page<BookingView>>(
    'booking',
    'booking.v1.counselor-bookings.list',
  ),
  getBooking: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.get'),
  verifyPayment: defineRpc<VerifyPaymentRequest, BookingView>('booking', 'booking.v1.bookings.verify-payment'),
  cancelBooking: defineRpc<CancelBookingRequest, BookingView>('booking', 'booking.v1.bookings.cancel'),
  rescheduleBooking: defineRpc<RescheduleBookingRequest, BookingView>('booking', 'booking.v1.bookings.reschedule'),
  completeBooking: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.complete'),
  markNoShow: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.no-show'),

  // payments/
  /** Answers once the event is stored (acting on it follows); validation error for a bad signature. */
  razorpayWebhook: defineRpc<RazorpayWebhookRequest, { received: true }>('booking', 'booking.v1.webhooks.razorpay'),
} as const;
