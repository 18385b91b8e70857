import { defineRpc } from '../rpc/define';

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

/** Served by the booking service. */
export const BookingRpc = {
  /** Used by directory search: "has a free slot between A and B" and `nextAvailableAt`. */
  nextAvailability: defineRpc<NextAvailabilityRequest, NextAvailabilityResponse>(
    'booking',
    'booking.v1.next-availability',
  ),
} as const;
