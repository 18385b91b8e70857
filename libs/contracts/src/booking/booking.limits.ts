/**
 * Input limits of the booking service, in one place: the gateway's DTOs validate with them and the
 * service enforces them again.
 */
export const BOOKING_LIMITS = {
  /** Longest range `GET /counselors/:id/slots` answers for. */
  maxSlotRangeDays: 31,
  /** Longest `Idempotency-Key` accepted (api.md conventions). */
  maxIdempotencyKeyLength: 64,
  maxCancelReasonLength: 500,
  maxTimeOffReasonLength: 500,
  /** Longest one time-off entry may last. */
  maxTimeOffDays: 400,
} as const;

/** Settings bounds (api.md, "Ranges"). */
export const AVAILABILITY_LIMITS = {
  bufferMinutes: { min: 0, max: 120 },
  minNoticeMinutes: { min: 0, max: 43_200 },
  maxAdvanceDays: { min: 1, max: 365 },
  slotIntervalMinutes: { min: 5, max: 240 },
} as const;

/**
 * What one counselor may pile up in their calendar; beyond it the request is refused with 422
 * (`calendar_cap_reached`).
 */
export const CALENDAR_CAPS = {
  /** Weekly windows over the seven days together. */
  maxWeeklyWindows: 50,
  /** Date overrides in one availability: a year of them, day by day. */
  maxOverrides: 366,
  /** Windows within one date override. */
  maxWindowsPerOverride: 12,
  /** Time-off entries that have not ended yet. */
  maxUpcomingTimeOff: 100,
} as const;
