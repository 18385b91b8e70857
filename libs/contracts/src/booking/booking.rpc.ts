import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type { BookingStatus, BookingView } from './calendar.types';

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

/** Longest `Idempotency-Key` accepted (api.md conventions). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 64;

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

/** Served by the booking service. */
export const BookingRpc = {
  /** Used by directory search: "has a free slot between A and B" and `nextAvailableAt`. */
  nextAvailability: defineRpc<NextAvailabilityRequest, NextAvailabilityResponse>(
    'booking',
    'booking.v1.next-availability',
  ),
  createBooking: defineRpc<CreateBookingRequest, BookingView>('booking', 'booking.v1.bookings.create'),
  listBookings: defineRpc<ListBookingsRequest, Page<BookingView>>('booking', 'booking.v1.bookings.list'),
  getBooking: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.get'),
  verifyPayment: defineRpc<VerifyPaymentRequest, BookingView>('booking', 'booking.v1.bookings.verify-payment'),
  cancelBooking: defineRpc<CancelBookingRequest, BookingView>('booking', 'booking.v1.bookings.cancel'),
  rescheduleBooking: defineRpc<RescheduleBookingRequest, BookingView>('booking', 'booking.v1.bookings.reschedule'),
  completeBooking: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.complete'),
  markNoShow: defineRpc<{ id: string }, BookingView>('booking', 'booking.v1.bookings.no-show'),
  /** Answers once the event is stored (acting on it follows); validation error for a bad signature. */
  razorpayWebhook: defineRpc<RazorpayWebhookRequest, { received: true }>('booking', 'booking.v1.webhooks.razorpay'),
} as const;
