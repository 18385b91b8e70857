import { WEEKDAYS } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import {
  type BlockingBooking,
  type BusyPeriod,
  computeSlots,
  firstSlot,
  isBookableStart,
  type SlotContext,
  type SlotRules,
  slotsFreshUntil,
} from './slot-calculator';

const RULES: SlotRules = {
  timezone: 'Asia/Kolkata',
  weekly: [],
  overrides: [],
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  maxAdvanceDays: 365,
  slotIntervalMinutes: null,
};

interface Case {
  rules: Partial<SlotRules>;
  duration?: number;
  now: string;
  from: string;
  to: string;
  bookings?: { startsAt: string; endsAt: string; bufferMinutes?: number }[];
  timeOff?: { startsAt: string; endsAt: string }[];
}

function context(c: Case): SlotContext {
  return {
    rules: { ...RULES, ...c.rules },
    durationMinutes: c.duration ?? 60,
    now: new Date(c.now),
    bookings: (c.bookings ?? []).map((b): BlockingBooking => ({
      startsAt: new Date(b.startsAt),
      endsAt: new Date(b.endsAt),
      bufferMinutes: b.bufferMinutes ?? 0,
    })),
    timeOff: (c.timeOff ?? []).map((t): BusyPeriod => ({ startsAt: new Date(t.startsAt), endsAt: new Date(t.endsAt) })),
  };
}

/** Slot starts as UTC ISO strings. */
function starts(c: Case): string[] {
  return computeSlots(context(c), { from: new Date(c.from), to: new Date(c.to) }).map((s) => s.startsAt.toISOString());
}

const iso = (text: string) => new Date(text).toISOString();

describe('slot calculator: Asia/Kolkata (UTC+05:30, no DST)', () => {
  const monday = { now: '2026-11-28T00:00:00Z', from: '2026-12-07T00:00:00+05:30', to: '2026-12-08T00:00:00+05:30' };

  it('lays slots of the offering duration from the window start, each fitting inside the window', () => {
    const result = computeSlots(
      context({ ...monday, duration: 50, rules: { weekly: [{ day: 'mon', start: '09:00', end: '13:00' }] } }),
      {
        from: new Date(monday.from),
        to: new Date(monday.to),
      },
    );
    expect(result.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      [iso('2026-12-07T09:00+05:30'), iso('2026-12-07T09:50+05:30')],
      [iso('2026-12-07T09:50+05:30'), iso('2026-12-07T10:40+05:30')],
      [iso('2026-12-07T10:40+05:30'), iso('2026-12-07T11:30+05:30')],
      [iso('2026-12-07T11:30+05:30'), iso('2026-12-07T12:20+05:30')],
    ]);
    // 09:00 IST is 03:30 UTC: a half-hour offset, never rounded.
    expect(result[0].startsAt.toISOString()).toBe('2026-12-07T03:30:00.000Z');
  });

  it('only uses the windows of the right weekday, in the counselor’s zone', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-06T00:00:00Z',
      to: '2026-12-10T00:00:00Z',
      rules: {
        weekly: [
          { day: 'mon', start: '09:00', end: '10:00' },
          { day: 'wed', start: '18:00', end: '19:00' },
        ],
      },
    });
    expect(result).toEqual([iso('2026-12-07T09:00+05:30'), iso('2026-12-09T18:00+05:30')]);
  });

  it('several windows on one day, each with its own grid', () => {
    const result = starts({
      ...monday,
      duration: 45,
      rules: {
        weekly: [
          { day: 'mon', start: '14:10', end: '15:40' },
          { day: 'mon', start: '09:00', end: '10:00' },
        ],
      },
    });
    expect(result).toEqual([
      iso('2026-12-07T09:00+05:30'),
      iso('2026-12-07T14:10+05:30'),
      iso('2026-12-07T14:55+05:30'),
    ]);
  });

  it('a slot interval different from the duration: starts every interval, overlapping slots allowed', () => {
    const result = starts({
      ...monday,
      duration: 50,
      rules: { slotIntervalMinutes: 30, weekly: [{ day: 'mon', start: '09:00', end: '11:00' }] },
    });
    // 10:30 + 50 min = 11:20 does not fit.
    expect(result).toEqual([
      iso('2026-12-07T09:00+05:30'),
      iso('2026-12-07T09:30+05:30'),
      iso('2026-12-07T10:00+05:30'),
    ]);
  });

  it('an interval longer than the duration leaves gaps', () => {
    const result = starts({
      ...monday,
      duration: 30,
      rules: { slotIntervalMinutes: 90, weekly: [{ day: 'mon', start: '09:00', end: '13:00' }] },
    });
    expect(result).toEqual([
      iso('2026-12-07T09:00+05:30'),
      iso('2026-12-07T10:30+05:30'),
      iso('2026-12-07T12:00+05:30'),
    ]);
  });

  it('a window ending at 24:00 offers its last slot up to midnight', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-05T00:00:00+05:30',
      to: '2026-12-07T00:00:00+05:30',
      rules: { weekly: [{ day: 'sat', start: '22:00', end: '24:00' }] },
    });
    expect(result).toEqual([iso('2026-12-05T22:00+05:30'), iso('2026-12-05T23:00+05:30')]);
    // Midnight IST is 18:30 UTC, so the last slot ends at 2026-12-05T18:30Z.
    expect(result[1]).toBe('2026-12-05T17:30:00.000Z');
  });

  it('windows on both sides of midnight stay separate windows, each with its own grid', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-09T00:00:00+05:30',
      duration: 50,
      rules: {
        weekly: [
          { day: 'mon', start: '22:30', end: '24:00' },
          { day: 'tue', start: '00:00', end: '01:00' },
        ],
      },
    });
    expect(result).toEqual([iso('2026-12-07T22:30+05:30'), iso('2026-12-08T00:00+05:30')]);
  });

  it('no slot in the past: with no notice, the first slot is the next grid point after now', () => {
    const result = starts({
      now: '2026-12-07T10:05:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-08T00:00:00+05:30',
      duration: 30,
      rules: { weekly: [{ day: 'mon', start: '09:00', end: '12:00' }] },
    });
    expect(result).toEqual([
      iso('2026-12-07T10:30+05:30'),
      iso('2026-12-07T11:00+05:30'),
      iso('2026-12-07T11:30+05:30'),
    ]);
  });

  it('a slot starting exactly now is still offered when there is no notice', () => {
    const result = starts({
      now: '2026-12-07T10:00:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-08T00:00:00+05:30',
      rules: { weekly: [{ day: 'mon', start: '09:00', end: '11:00' }] },
    });
    expect(result).toEqual([iso('2026-12-07T10:00+05:30')]);
  });
});

describe('slot calculator: minimum notice and booking window', () => {
  const weekly: SlotRules['weekly'] = [
    { day: 'mon', start: '09:00', end: '13:00' },
    { day: 'tue', start: '09:00', end: '13:00' },
  ];

  it('minimum notice clips the start of the day, keeping the window’s grid', () => {
    const result = starts({
      now: '2026-12-07T08:00:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-08T00:00:00+05:30',
      duration: 50,
      rules: { weekly, minNoticeMinutes: 120 },
    });
    // now + 2 h = 10:00; 09:50 is too soon, the grid (09:00 + k × 50) continues at 10:40.
    expect(result).toEqual([iso('2026-12-07T10:40+05:30'), iso('2026-12-07T11:30+05:30')]);
  });

  it('a notice of exactly the gap to a slot keeps that slot', () => {
    const result = starts({
      now: '2026-12-07T09:00:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-08T00:00:00+05:30',
      rules: { weekly, minNoticeMinutes: 60 },
    });
    expect(result[0]).toBe(iso('2026-12-07T10:00+05:30'));
  });

  it('a long notice pushes slots to later days', () => {
    const result = starts({
      now: '2026-12-07T08:00:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-09T00:00:00+05:30',
      rules: { weekly, minNoticeMinutes: 24 * 60 + 120 },
    });
    expect(result).toEqual([
      iso('2026-12-08T10:00+05:30'),
      iso('2026-12-08T11:00+05:30'),
      iso('2026-12-08T12:00+05:30'),
    ]);
  });

  it('the booking window ends maxAdvanceDays × 24 h after now (a start exactly there is allowed)', () => {
    const result = starts({
      now: '2026-12-07T10:00:00+05:30',
      from: '2026-12-07T00:00:00+05:30',
      to: '2026-12-10T00:00:00+05:30',
      rules: { weekly, maxAdvanceDays: 1 },
    });
    expect(result).toEqual([
      iso('2026-12-07T10:00+05:30'),
      iso('2026-12-07T11:00+05:30'),
      iso('2026-12-07T12:00+05:30'),
      iso('2026-12-08T09:00+05:30'),
      iso('2026-12-08T10:00+05:30'),
    ]);
  });

  it('nothing beyond the booking window, whatever the range asks for', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2027-02-01T00:00:00Z',
      to: '2027-02-20T00:00:00Z',
      rules: { weekly, maxAdvanceDays: 30 },
    });
    expect(result).toEqual([]);
  });

  it('the range is [from, to): a slot starting at `to` is left out, one starting at `from` kept', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-07T10:00:00+05:30',
      to: '2026-12-07T12:00:00+05:30',
      rules: { weekly },
    });
    expect(result).toEqual([iso('2026-12-07T10:00+05:30'), iso('2026-12-07T11:00+05:30')]);
  });

  it('an empty or inverted range has no slots', () => {
    const base = { now: '2026-11-28T00:00:00Z', rules: { weekly } };
    expect(starts({ ...base, from: '2026-12-07T12:00:00Z', to: '2026-12-07T12:00:00Z' })).toEqual([]);
    expect(starts({ ...base, from: '2026-12-08T00:00:00Z', to: '2026-12-07T00:00:00Z' })).toEqual([]);
  });
});

describe('slot calculator: overrides', () => {
  const weekly: SlotRules['weekly'] = [
    { day: 'fri', start: '09:00', end: '12:00' },
    { day: 'sat', start: '10:00', end: '11:00' },
  ];
  const range = { now: '2026-11-28T00:00:00Z', from: '2026-12-24T00:00:00+05:30', to: '2026-12-28T00:00:00+05:30' };

  it('an override with no windows is a day off', () => {
    const result = starts({ ...range, rules: { weekly, overrides: [{ date: '2026-12-25', windows: [] }] } });
    expect(result).toEqual([iso('2026-12-26T10:00+05:30')]);
  });

  it('an override replaces that date’s weekly windows', () => {
    const result = starts({
      ...range,
      rules: { weekly, overrides: [{ date: '2026-12-25', windows: [{ start: '16:00', end: '18:00' }] }] },
    });
    expect(result).toEqual([
      iso('2026-12-25T16:00+05:30'),
      iso('2026-12-25T17:00+05:30'),
      iso('2026-12-26T10:00+05:30'),
    ]);
  });

  it('an override can open a day that has no weekly windows', () => {
    const result = starts({
      ...range,
      rules: { weekly, overrides: [{ date: '2026-12-27', windows: [{ start: '08:00', end: '09:00' }] }] },
    });
    expect(result).toContain(iso('2026-12-27T08:00+05:30'));
  });

  it('override dates are dates in the counselor’s zone, not UTC dates', () => {
    // 2026-12-25 in Kolkata begins at 2026-12-24T18:30Z.
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-24T18:00:00Z',
      to: '2026-12-24T20:00:00Z',
      rules: { overrides: [{ date: '2026-12-25', windows: [{ start: '00:00', end: '01:00' }] }] },
    });
    expect(result).toEqual(['2026-12-24T18:30:00.000Z']);
  });
});

describe('slot calculator: bookings, buffers and time off', () => {
  const day = {
    now: '2026-11-28T00:00:00Z',
    from: '2026-12-07T00:00:00+05:30',
    to: '2026-12-08T00:00:00+05:30',
  };
  const weekly: SlotRules['weekly'] = [{ day: 'mon', start: '09:00', end: '13:00' }];

  it('a booking blocks its time plus its buffer; a slot may end exactly where the booking starts', () => {
    const result = starts({
      ...day,
      duration: 50,
      rules: { weekly, slotIntervalMinutes: 30, bufferMinutes: 10 },
      bookings: [{ startsAt: '2026-12-07T10:00+05:30', endsAt: '2026-12-07T10:50+05:30', bufferMinutes: 10 }],
    });
    // 09:00–09:50 + 10 min rest ends at 10:00: fine. The booking rests until 11:00.
    expect(result).toEqual([
      iso('2026-12-07T09:00+05:30'),
      iso('2026-12-07T11:00+05:30'),
      iso('2026-12-07T11:30+05:30'),
      iso('2026-12-07T12:00+05:30'),
    ]);
  });

  it('the new slot’s own buffer must not run into the next booking', () => {
    const booking = { startsAt: '2026-12-07T10:00+05:30', endsAt: '2026-12-07T10:40+05:30', bufferMinutes: 0 };
    const withBuffer = (bufferMinutes: number) =>
      starts({ ...day, duration: 50, rules: { weekly, bufferMinutes }, bookings: [booking] });
    // 09:00–09:50 + 15 min rest = 10:05 > 10:00: not offered. The booking itself had no buffer: 10:40 is free.
    expect(withBuffer(15)).toEqual([iso('2026-12-07T10:40+05:30'), iso('2026-12-07T11:30+05:30')]);
    // With 10 min the rest ends exactly at 10:00: offered.
    expect(withBuffer(10)).toEqual([
      iso('2026-12-07T09:00+05:30'),
      iso('2026-12-07T10:40+05:30'),
      iso('2026-12-07T11:30+05:30'),
    ]);
  });

  it('a booking keeps the buffer it was made with, even after the counselor changes the setting', () => {
    const result = starts({
      ...day,
      duration: 60,
      rules: { weekly, bufferMinutes: 0, slotIntervalMinutes: 30 },
      bookings: [{ startsAt: '2026-12-07T09:00+05:30', endsAt: '2026-12-07T10:00+05:30', bufferMinutes: 30 }],
    });
    expect(result[0]).toBe(iso('2026-12-07T10:30+05:30'));
  });

  it('bookings outside the windows still block slots they overlap, and adjacent bookings merge', () => {
    const result = starts({
      ...day,
      duration: 60,
      rules: { weekly },
      bookings: [
        { startsAt: '2026-12-07T08:30+05:30', endsAt: '2026-12-07T09:30+05:30' },
        { startsAt: '2026-12-07T09:30+05:30', endsAt: '2026-12-07T10:30+05:30' },
      ],
    });
    expect(result).toEqual([iso('2026-12-07T11:00+05:30'), iso('2026-12-07T12:00+05:30')]);
  });

  it('time off removes the slots it overlaps; a slot may end exactly where time off starts', () => {
    const result = starts({
      ...day,
      duration: 60,
      rules: { weekly, bufferMinutes: 30 },
      timeOff: [{ startsAt: '2026-12-07T10:00+05:30', endsAt: '2026-12-07T11:30+05:30' }],
    });
    // The 09:00 slot's buffer may run into time off (rest, not work); 11:00 overlaps it.
    expect(result).toEqual([iso('2026-12-07T09:00+05:30'), iso('2026-12-07T12:00+05:30')]);
  });

  it('time off across several days blocks all of them', () => {
    const result = starts({
      now: '2026-11-28T00:00:00Z',
      from: '2026-12-07T00:00:00Z',
      to: '2026-12-22T00:00:00Z',
      rules: { weekly },
      timeOff: [{ startsAt: '2026-12-06T00:00:00Z', endsAt: '2026-12-21T00:00:00Z' }],
    });
    expect(result).toHaveLength(4);
    expect(result[0]).toBe(iso('2026-12-21T09:00+05:30'));
  });
});

describe('slot calculator: Europe/London DST (28 March and 31 October 2027)', () => {
  const london = { timezone: 'Europe/London' };
  const spring = { now: '2027-03-01T00:00:00Z', from: '2027-03-28T00:00:00Z', to: '2027-03-29T00:00:00Z' };
  const autumn = { now: '2027-10-01T00:00:00Z', from: '2027-10-30T22:00:00Z', to: '2027-10-31T23:00:00Z' };

  it('spring forward: a 01:00–03:00 window is one real hour (01:00–02:00 does not exist)', () => {
    const result = computeSlots(
      context({
        ...spring,
        duration: 30,
        rules: { ...london, weekly: [{ day: 'sun', start: '01:00', end: '03:00' }] },
      }),
      { from: new Date(spring.from), to: new Date(spring.to) },
    );
    expect(result.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z'],
      ['2027-03-28T01:30:00.000Z', '2027-03-28T02:00:00.000Z'],
    ]);
  });

  it('spring forward: a 00:00–04:00 window is three real hours', () => {
    const result = starts({ ...spring, rules: { ...london, weekly: [{ day: 'sun', start: '00:00', end: '04:00' }] } });
    // 00:00 GMT, then 02:00 BST and 03:00 BST.
    expect(result).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z']);
  });

  it('spring forward: 09:00 is 09:00 UTC the day before and 08:00 UTC from that day on', () => {
    const result = starts({
      now: '2027-03-01T00:00:00Z',
      from: '2027-03-27T00:00:00Z',
      to: '2027-03-30T00:00:00Z',
      rules: {
        ...london,
        weekly: (['sat', 'sun', 'mon'] as const).map((day) => ({ day, start: '09:00', end: '10:00' })),
      },
    });
    expect(result).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });

  it('spring forward: a window wholly inside the missing hour is read with the offset before the gap', () => {
    const result = starts({
      ...spring,
      duration: 30,
      rules: { ...london, weekly: [{ day: 'sun', start: '01:15', end: '01:45' }] },
    });
    expect(result).toEqual(['2027-03-28T01:15:00.000Z']);
  });

  it('fall back: a 00:00–04:00 window is five real hours', () => {
    const result = starts({ ...autumn, rules: { ...london, weekly: [{ day: 'sun', start: '00:00', end: '04:00' }] } });
    // 00:00 BST = 23:00Z the evening before; 01:00 happens twice.
    expect(result).toEqual([
      '2027-10-30T23:00:00.000Z',
      '2027-10-31T00:00:00.000Z',
      '2027-10-31T01:00:00.000Z',
      '2027-10-31T02:00:00.000Z',
      '2027-10-31T03:00:00.000Z',
    ]);
  });

  it('fall back: a window starting in the repeated hour starts at its first occurrence', () => {
    const result = starts({
      ...autumn,
      duration: 30,
      rules: { ...london, weekly: [{ day: 'sun', start: '01:00', end: '02:00' }] },
    });
    // 01:00 BST (00:00Z) to 02:00 GMT (02:00Z): two real hours.
    expect(result).toEqual([
      '2027-10-31T00:00:00.000Z',
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T01:00:00.000Z',
      '2027-10-31T01:30:00.000Z',
    ]);
  });

  it('fall back: 09:00 is 08:00 UTC the day before and 09:00 UTC on the day', () => {
    const result = starts({
      now: '2027-10-01T00:00:00Z',
      from: '2027-10-30T00:00:00Z',
      to: '2027-11-01T00:00:00Z',
      rules: { ...london, weekly: (['sat', 'sun'] as const).map((day) => ({ day, start: '09:00', end: '10:00' })) },
    });
    expect(result).toEqual(['2027-10-30T08:00:00.000Z', '2027-10-31T09:00:00.000Z']);
  });

  it('fall back: a window ending at 24:00 on the transition day ends at midnight GMT', () => {
    const result = starts({
      ...autumn,
      to: '2027-11-01T00:00:00Z',
      rules: { ...london, weekly: [{ day: 'sun', start: '22:00', end: '24:00' }] },
    });
    expect(result).toEqual(['2027-10-31T22:00:00.000Z', '2027-10-31T23:00:00.000Z']);
  });

  it('a booking held across the transition blocks the right real hours', () => {
    const result = starts({
      ...autumn,
      rules: { ...london, weekly: [{ day: 'sun', start: '00:00', end: '04:00' }] },
      bookings: [{ startsAt: '2027-10-31T00:00:00Z', endsAt: '2027-10-31T01:00:00Z' }],
    });
    expect(result).toEqual([
      '2027-10-30T23:00:00.000Z',
      '2027-10-31T01:00:00.000Z',
      '2027-10-31T02:00:00.000Z',
      '2027-10-31T03:00:00.000Z',
    ]);
  });
});

describe('slot calculator: America/New_York DST (14 March and 7 November 2027)', () => {
  const newYork = { timezone: 'America/New_York' };

  it('spring forward: 01:00–04:00 is two real hours; 09:00 moves from 14:00Z to 13:00Z', () => {
    const result = starts({
      now: '2027-03-01T00:00:00Z',
      from: '2027-03-13T00:00:00Z',
      to: '2027-03-16T00:00:00Z',
      rules: {
        ...newYork,
        weekly: [
          { day: 'sat', start: '09:00', end: '10:00' },
          { day: 'sun', start: '01:00', end: '04:00' },
          { day: 'sun', start: '09:00', end: '10:00' },
          { day: 'mon', start: '09:00', end: '10:00' },
        ],
      },
    });
    expect(result).toEqual([
      '2027-03-13T14:00:00.000Z',
      '2027-03-14T06:00:00.000Z',
      '2027-03-14T07:00:00.000Z',
      '2027-03-14T13:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('fall back: 01:00–02:00 is two real hours (from the first 01:00); 09:00 moves from 13:00Z to 14:00Z', () => {
    const result = starts({
      now: '2027-10-01T00:00:00Z',
      from: '2027-11-06T00:00:00Z',
      to: '2027-11-09T00:00:00Z',
      rules: {
        ...newYork,
        weekly: [
          { day: 'sat', start: '09:00', end: '10:00' },
          { day: 'sun', start: '01:00', end: '02:00' },
          { day: 'sun', start: '09:00', end: '10:00' },
          { day: 'mon', start: '09:00', end: '10:00' },
        ],
      },
    });
    expect(result).toEqual([
      '2027-11-06T13:00:00.000Z',
      '2027-11-07T05:00:00.000Z',
      '2027-11-07T06:00:00.000Z',
      '2027-11-07T14:00:00.000Z',
      '2027-11-08T14:00:00.000Z',
    ]);
  });
});

describe('isBookableStart uses the very same rules', () => {
  const c = context({
    now: '2026-12-07T08:00:00+05:30',
    from: '2026-12-07T00:00:00+05:30',
    to: '2026-12-10T00:00:00+05:30',
    duration: 50,
    rules: {
      weekly: [
        { day: 'mon', start: '09:00', end: '13:00' },
        { day: 'tue', start: '09:00', end: '13:00' },
        { day: 'wed', start: '20:00', end: '24:00' },
      ],
      overrides: [{ date: '2026-12-08', windows: [{ start: '10:15', end: '12:00' }] }],
      minNoticeMinutes: 90,
      bufferMinutes: 10,
      slotIntervalMinutes: 25,
      maxAdvanceDays: 3,
    },
    bookings: [{ startsAt: '2026-12-07T11:40+05:30', endsAt: '2026-12-07T12:30+05:30', bufferMinutes: 10 }],
    timeOff: [{ startsAt: '2026-12-08T11:00+05:30', endsAt: '2026-12-08T11:20+05:30' }],
  });

  it('accepts every shown slot and nothing else, minute by minute over three days', () => {
    const shown = new Set(
      computeSlots(c, { from: new Date('2026-12-06T00:00:00Z'), to: new Date('2026-12-11T00:00:00Z') }).map((s) =>
        s.startsAt.getTime(),
      ),
    );
    expect(shown.size).toBeGreaterThan(3);
    const start = new Date('2026-12-06T18:00:00Z').getTime();
    for (let t = start; t < start + 4 * 24 * 60 * 60_000; t += 60_000) {
      expect(isBookableStart(c, new Date(t)), new Date(t).toISOString()).toBe(shown.has(t));
    }
  });

  it('rejects off-grid, too-soon, taken, time-off and out-of-window starts', () => {
    expect(isBookableStart(c, new Date('2026-12-07T10:40+05:30'))).toBe(true);
    expect(isBookableStart(c, new Date('2026-12-07T10:41+05:30'))).toBe(false); // off the grid
    expect(isBookableStart(c, new Date('2026-12-07T09:00+05:30'))).toBe(false); // within 90 min notice
    expect(isBookableStart(c, new Date('2026-12-07T11:30+05:30'))).toBe(false); // runs into the booking
    expect(isBookableStart(c, new Date('2026-12-08T10:40+05:30'))).toBe(false); // overlaps time off
    expect(isBookableStart(c, new Date('2026-12-08T09:00+05:30'))).toBe(false); // replaced by the override
    expect(isBookableStart(c, new Date('2026-12-09T20:00+05:30'))).toBe(true);
    expect(isBookableStart(c, new Date('2026-12-09T22:55+05:30'))).toBe(true);
    expect(isBookableStart(c, new Date('2026-12-09T23:20+05:30'))).toBe(false); // would run past 24:00
    expect(isBookableStart(c, new Date('2026-12-14T09:00+05:30'))).toBe(false); // beyond the booking window
    expect(isBookableStart(c, new Date('not a date'))).toBe(false);
  });

  it('firstSlot is the first of computeSlots', () => {
    const range = { from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-10T00:00:00Z') };
    expect(firstSlot(c, range)).toEqual(computeSlots(c, range)[0]);
    expect(firstSlot(c, { from: new Date('2026-12-12T00:00:00Z'), to: new Date('2026-12-13T00:00:00Z') })).toBeNull();
  });
});

describe('slot calculator: a month in one call', () => {
  it('31 days of weekday windows in Kolkata give the expected count', () => {
    const result = starts({
      now: '2026-11-30T00:00:00Z',
      from: '2026-12-01T00:00:00+05:30',
      to: '2027-01-01T00:00:00+05:30',
      rules: {
        maxAdvanceDays: 60,
        weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '10:00', end: '18:00' })),
      },
    });
    // December 2026 has 23 weekdays, 8 hourly slots each.
    expect(result).toHaveLength(23 * 8);
    expect(new Set(result).size).toBe(result.length);
    expect([...result].sort()).toEqual(result);
  });
});

describe('slotsFreshUntil: how long time alone leaves a slot list right', () => {
  const HOUR = 3_600_000;
  // Every day 09:00–12:00 UTC, hourly slots; "now" is Monday 2026-12-07 08:00 UTC.
  const daily = { timezone: 'UTC', weekly: WEEKDAYS.map((day) => ({ day, start: '09:00', end: '12:00' })) };
  const freshUntil = (c: Case, rangeEndMoves = false) => {
    const ctx = context(c);
    const range = { from: new Date(c.from), to: new Date(c.to) };
    const at = slotsFreshUntil(ctx, range, computeSlots(ctx, range), { rangeEndMoves, lookAheadMs: 24 * HOUR });
    return new Date(at).toISOString();
  };
  const monday8 = '2026-12-07T08:00:00Z';

  it('ends when the first slot comes within the minimum notice', () => {
    const c = { rules: { ...daily, minNoticeMinutes: 30 }, now: monday8, from: monday8, to: '2026-12-08T00:00:00Z' };
    expect(freshUntil(c)).toBe(iso('2026-12-07T08:30:00Z'));
    // Just before that instant the list is still what it was; just after, 09:00 is gone.
    const later = (now: string) => starts({ ...c, now })[0];
    expect(later('2026-12-07T08:30:00Z')).toBe(iso('2026-12-07T09:00:00Z'));
    expect(later('2026-12-07T08:30:00.001Z')).toBe(iso('2026-12-07T10:00:00Z'));
  });

  it('ends when the booking window reaches the next start beyond it', () => {
    // The window ends Tuesday 08:00; Tuesday's 09:00 enters an hour later.
    const c = { rules: { ...daily, maxAdvanceDays: 1 }, now: monday8, from: monday8, to: '2026-12-10T00:00:00Z' };
    expect(freshUntil(c)).toBe(iso('2026-12-07T09:00:00Z'));
    expect(starts({ ...c, now: '2026-12-07T09:00:00.001Z' })).toContain(iso('2026-12-08T09:00:00Z'));
  });

  it('ends when a range relative to now reaches the next start', () => {
    const c = { rules: daily, now: monday8, from: monday8, to: '2026-12-07T10:30:00Z' };
    // A fixed range keeps its slots (09:00, 10:00) until 09:00 itself is too close.
    expect(freshUntil(c)).toBe(iso('2026-12-07T09:00:00Z'));
    // A range that moves with now takes in 11:00 at 08:30.
    expect(freshUntil(c, true)).toBe(iso('2026-12-07T08:30:00Z'));
  });

  it('is bounded by the look-ahead when nothing would change', () => {
    const c = { rules: { ...daily, weekly: [] }, now: monday8, from: monday8, to: '2026-12-08T00:00:00Z' };
    expect(freshUntil(c)).toBe(iso('2026-12-08T08:00:00Z'));
  });
});
