import type { CodesOf, ErrorCatalogue } from '../errors';

export const BOOKING_ERRORS = {
  validation: ['invalid_signature'],
  not_found: [
    'booking_not_found',
    'calendar_feed_not_found',
    'counselor_not_found',
    'offering_not_found',
    'reconciliation_not_found',
    'time_off_not_found',
  ],
  conflict: [
    'slot_taken',
    'time_off_overlaps_booking',
    'idempotency_request_in_progress',
    'payout_reference_used',
    'reconciliation_running',
  ],
  unprocessable: [
    'not_an_open_slot',
    'own_offering',
    'second_free_booking',
    'too_many_holds',
    'not_payable',
    'cannot_cancel',
    'cannot_reschedule',
    'cannot_complete',
    'cannot_mark_no_show',
    'calendar_cap_reached',
    'idempotency_key_reused',
    'payout_exceeds_owed',
  ],
  unavailable: ['payments_unavailable', 'job_queue_unavailable'],
} as const satisfies ErrorCatalogue;
export type BookingErrorCode = CodesOf<typeof BOOKING_ERRORS>;
