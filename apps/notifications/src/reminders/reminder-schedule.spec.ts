import { describe, expect, it } from 'vitest';
import { isReminderDue, offsetsToSchedule, reminderFireAt, reminderJobId } from './reminder-schedule';

const startsAt = '2026-12-01T04:30:00.000Z';
const start = Date.parse(startsAt);
const minutes = (n: number) => n * 60_000;

describe('reminder schedule', () => {
  it('fires each reminder its offset before the start', () => {
    expect(new Date(reminderFireAt(startsAt, 1440)).toISOString()).toBe('2026-11-30T04:30:00.000Z');
    expect(new Date(reminderFireAt(startsAt, 60)).toISOString()).toBe('2026-12-01T03:30:00.000Z');
  });

  it('schedules only reminders still ahead, each offset once', () => {
    expect(offsetsToSchedule(startsAt, [1440, 60, 60], start - minutes(2000))).toEqual([1440, 60]);
    // Booked 3 hours ahead: the 24 h reminder is already past.
    expect(offsetsToSchedule(startsAt, [1440, 60], start - minutes(180))).toEqual([60]);
    expect(offsetsToSchedule(startsAt, [1440, 60], start - minutes(30))).toEqual([]);
    // Exactly at the fire time is too late to schedule.
    expect(offsetsToSchedule(startsAt, [60], start - minutes(60))).toEqual([]);
  });

  it('lets the sweep also schedule reminders overdue within the tolerance before the start', () => {
    // The 60 min reminder fell due 2 minutes ago (its job was lost): only the sweep takes it up.
    expect(offsetsToSchedule(startsAt, [1440, 60], start - minutes(58))).toEqual([]);
    expect(offsetsToSchedule(startsAt, [1440, 60], start - minutes(58), true)).toEqual([60]);
    expect(offsetsToSchedule(startsAt, [60, 5], start - minutes(58), true)).toEqual([60, 5]);
    // Overdue beyond the tolerance, or the session has started: not even the sweep.
    expect(offsetsToSchedule(startsAt, [60], start - minutes(45), true)).toEqual([]);
    expect(offsetsToSchedule(startsAt, [5], start + minutes(1), true)).toEqual([]);
  });

  it('sends a reminder on time or a little late, never after the start or long overdue', () => {
    expect(isReminderDue(startsAt, 60, start - minutes(60))).toBe(true);
    expect(isReminderDue(startsAt, 60, start - minutes(55))).toBe(true);
    expect(isReminderDue(startsAt, 60, start - minutes(49))).toBe(false);
    expect(isReminderDue(startsAt, 5, start - minutes(1))).toBe(true);
    expect(isReminderDue(startsAt, 5, start)).toBe(false);
    expect(isReminderDue(startsAt, 1440, start - minutes(20 * 60))).toBe(false);
  });

  it('gives the same reminder the same job id and a moved session a new one', () => {
    const key = { bookingId: 'b1', userId: 'u1', offsetMinutes: 60, startsAt };
    expect(reminderJobId(key)).toBe(reminderJobId({ ...key }));
    expect(reminderJobId(key)).not.toBe(reminderJobId({ ...key, startsAt: '2026-12-02T04:30:00.000Z' }));
    expect(reminderJobId(key)).not.toBe(reminderJobId({ ...key, userId: 'u2' }));
    expect(reminderJobId(key)).not.toContain(':');
  });
});
