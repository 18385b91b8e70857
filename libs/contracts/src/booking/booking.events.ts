import type { OfferingMode } from '../directory/directory.events';
import { defineEvent } from '../events/envelope';

export type BookingCancelledBy = 'client' | 'counselor' | 'admin' | 'system';
export type RefundStatus = 'pending' | 'processed' | 'failed';

/**
 * What every booking event says about the session, so a consumer (notifications) can tell people
 * about it without asking the booking service back.
 */
export interface BookingSnapshot {
  bookingId: string;
  clientId: string;
  counselorId: string;
  /** The counselor's public display name. */
  counselorName: string;
  offeringId: string;
  offeringTitle: string;
  mode: OfferingMode;
  /** UTC ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  /** What the client paid (0 for a free session). */
  amountPaise: number;
  currency: 'INR';
}

export interface BookingConfirmedData extends BookingSnapshot {
  meetingUrl: string;
}

export interface BookingRefund {
  refundId: string | null;
  amountPaise: number;
  status: RefundStatus;
}

export interface BookingCancelledData extends BookingSnapshot {
  cancelledBy: BookingCancelledBy;
  reason: string | null;
  /** null when nothing was paid or nothing is refunded by policy. */
  refund: BookingRefund | null;
}

/** The snapshot carries the new times; the previous ones are named here. */
export interface BookingRescheduledData extends BookingSnapshot {
  previousStartsAt: string;
  previousEndsAt: string;
  meetingUrl: string;
}

/** A payment hold ran out before payment: the slot is free again and nothing was charged. */
export type BookingExpiredData = BookingSnapshot;

export interface BookingCompletedData {
  bookingId: string;
  clientId: string;
  counselorId: string;
  offeringId: string;
  startsAt: string;
  endsAt: string;
}

export interface PaymentCapturedData extends BookingSnapshot {
  paymentId: string;
  razorpayOrderId: string;
  razorpayPaymentId: string;
  capturedAt: string;
}

export interface PaymentFailedData extends BookingSnapshot {
  razorpayOrderId: string;
  razorpayPaymentId: string | null;
  /** Razorpay's description of the failure, when it gave one. */
  reason: string | null;
}

export interface RefundData extends BookingSnapshot {
  refundId: string;
  paymentId: string;
  /** The refunded amount (the snapshot's `amountPaise` is what was paid). */
  refundPaise: number;
}

export interface RefundProcessedData extends RefundData {
  processedAt: string;
}

export interface RefundFailedData extends RefundData {
  reason: string | null;
  /** Whether the booking service keeps retrying the refund. */
  willRetry: boolean;
}

export interface ReconciliationSummary {
  matched: number;
  amountMismatch: number;
  missingAtProvider: number;
  missingInLedger: number;
  statusMismatch: number;
}

export interface ReconciliationCompletedData {
  reconciliationId: string;
  /** The period reconciled (UTC ISO 8601 instants). */
  from: string;
  to: string;
  status: 'done' | 'failed';
  summary: ReconciliationSummary;
  /** Every item that is not a match. */
  discrepancies: number;
}

/**
 * When a counselor can next be booked, for search. `openRuns` are the bookable session starts
 * from `computedAt` over the next `CounselorOpenings` horizon, as closed runs [first, last] of UTC
 * epoch milliseconds: every start inside a run lies at most `maxStepMinutes` after the previous
 * one, so a window at least that long overlaps a run exactly when it holds a bookable start.
 */
export interface CounselorOpenings {
  counselorId: string;
  nextAvailableAt: string | null;
  openRuns: [number, number][];
  maxStepMinutes: number;
  computedAt: string;
}

/** Openings of many counselors at once (a refresh batch); each replaces what came before it. */
export interface CounselorOpeningsChangedData {
  counselors: CounselorOpenings[];
}

/** How far ahead openings are computed; searches for windows beyond it ask the booking service. */
export const OPENINGS_HORIZON_DAYS = 35;

/** Published by the booking service (bookings, payments, refunds and finance). */
export const BookingEvents = {
  confirmed: defineEvent<BookingConfirmedData>('booking.confirmed'),
  cancelled: defineEvent<BookingCancelledData>('booking.cancelled'),
  rescheduled: defineEvent<BookingRescheduledData>('booking.rescheduled'),
  expired: defineEvent<BookingExpiredData>('booking.expired'),
  completed: defineEvent<BookingCompletedData>('booking.completed'),
  paymentCaptured: defineEvent<PaymentCapturedData>('payment.captured'),
  paymentFailed: defineEvent<PaymentFailedData>('payment.failed'),
  refundProcessed: defineEvent<RefundProcessedData>('refund.processed'),
  refundFailed: defineEvent<RefundFailedData>('refund.failed'),
  reconciliationCompleted: defineEvent<ReconciliationCompletedData>('reconciliation.completed'),
  openingsChanged: defineEvent<CounselorOpeningsChangedData>('counselor.openings-changed'),
} as const;
