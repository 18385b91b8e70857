/** Days of the week as they appear in weekly availability, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What a counselor has before their first PUT (product.md policies). */
export const AVAILABILITY_DEFAULTS = {
  timezone: 'Asia/Kolkata',
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  maxAdvanceDays: 30,
  slotIntervalMinutes: null,
} as const;

/** Wall-clock window in the counselor's zone: `HH:mm`, `end` may be `24:00` (midnight at the end of the day). */
export interface TimeWindow {
  start: string;
  end: string;
}

export interface WeeklyWindow extends TimeWindow {
  day: Weekday;
}

/** Replaces the weekly windows of one local date; no windows = a day off. */
export interface DateOverride {
  /** `YYYY-MM-DD`, a date in the counselor's zone. */
  date: string;
  windows: TimeWindow[];
}

export interface Availability {
  timezone: string;
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
  bufferMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  /** Grid step for slot starts; null = the offering's duration. */
  slotIntervalMinutes: number | null;
}

/**
 * Body of `PUT /counselor/availability`. Omitted fields keep their current value (the defaults
 * before the first PUT); `slotIntervalMinutes: null` goes back to "the offering's duration".
 */
export type AvailabilityInput = Partial<Availability>;

export interface TimeOffView {
  id: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export interface SlotView {
  startsAt: string;
  endsAt: string;
}

export interface SlotsView {
  counselorId: string;
  offeringId: string;
  slots: SlotView[];
}

export const BOOKING_STATUSES = [
  'pending_payment',
  'confirmed',
  'expired',
  'cancelled',
  'completed',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that hold a counselor's time (the exclusion constraint covers exactly these). */
export const BLOCKING_BOOKING_STATUSES = ['pending_payment', 'confirmed'] as const satisfies readonly BookingStatus[];

export type CancelledBy = 'client' | 'counselor' | 'admin' | 'system';

/** What the browser needs to open Razorpay Checkout for a paid hold. */
export interface BookingPaymentView {
  provider: 'razorpay';
  keyId: string;
  orderId: string;
  amountPaise: number;
  currency: 'INR';
  /**
   * Only with the Razorpay sandbox: its Checkout stand-in page for this order, which the browser
   * opens instead of loading Razorpay's checkout.js.
   */
  checkoutUrl?: string;
}

/** What a client's cancellation or reschedule would get, by the policy in force when the booking was read. */
export interface BookingClientTermsView {
  /** Cancelling before this instant refunds everything paid. */
  fullRefundBefore: string;
  /** … before this one (and after the above) refunds `partialRefundPaise`; later, nothing. */
  partialRefundBefore: string;
  partialRefundPaise: number;
  /** The latest a reschedule may happen; absent once rescheduled (it is allowed once). */
  rescheduleBefore?: string;
}

export interface BookingRefundView {
  amountPaise: number;
  status: 'pending' | 'processed' | 'failed';
}

/** `booking` of api.md. */
export interface BookingView {
  id: string;
  clientId: string;
  counselorId: string;
  offeringId: string;
  mode: 'chat' | 'audio' | 'video';
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  pricePaise: number;
  currency: 'INR';
  expiresAt?: string;
  payment?: BookingPaymentView;
  meetingUrl?: string;
  cancelledBy?: CancelledBy;
  cancelReason?: string;
  refund?: BookingRefundView;
  rescheduledFrom?: string;
  createdAt: string;
  /** A confirmed booking's cancellation and reschedule terms for its client. */
  clientTerms?: BookingClientTermsView;
}
