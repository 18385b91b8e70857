/** A reminder may fire this late (a worker or Redis was down) and still be worth sending. */
export const REMINDER_LATE_TOLERANCE_MS = 10 * 60_000;

export interface ReminderKey {
  bookingId: string;
  userId: string;
  offsetMinutes: number;
  /** The session start the reminder is for (UTC ISO 8601). */
  startsAt: string;
}

/**
 * Deterministic BullMQ job id (no `:`, never a bare integer): the same reminder always gets the
 * same id, so a redelivered event or the sweep cannot add it twice; a new start time is a new id.
 */
export function reminderJobId(key: ReminderKey): string {
  return `reminder-${key.bookingId}-${key.userId}-${key.offsetMinutes}-${Date.parse(key.startsAt)}`;
}

export function reminderFireAt(startsAt: string, offsetMinutes: number): number {
  return Date.parse(startsAt) - offsetMinutes * 60_000;
}

/**
 * The offsets still ahead of `now` for a session starting at `startsAt`: what to schedule. With
 * `includeOverdue` (the sweep, rebuilding jobs a Redis loss took) also those that fell due within the
 * late tolerance before a session that has not started; the delivery log keeps one already sent from
 * going out twice.
 */
export function offsetsToSchedule(
  startsAt: string,
  offsets: readonly number[],
  now: number,
  includeOverdue = false,
): number[] {
  return [...new Set(offsets)].filter(
    (offset) => reminderFireAt(startsAt, offset) > now || (includeOverdue && isReminderDue(startsAt, offset, now)),
  );
}

/**
 * Whether a reminder that fires now should be sent: the session has not started and the reminder
 * is not long overdue (a 24 h reminder found 20 h before the start is dropped; the 1 h one follows).
 */
export function isReminderDue(startsAt: string, offsetMinutes: number, now: number): boolean {
  return now < Date.parse(startsAt) && now <= reminderFireAt(startsAt, offsetMinutes) + REMINDER_LATE_TOLERANCE_MS;
}
