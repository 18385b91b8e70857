import { DomainError } from '@haven/common';
import { describe, expect, it } from 'vitest';
import { domainErrorOf } from '@haven/testing';
import { assertValidAvailability, availabilityCapProblem, availabilityErrors } from './availability-validator';

const VALID = {
  timezone: 'Europe/London',
  weekly: [
    { day: 'mon', start: '09:00', end: '12:00' },
    { day: 'mon', start: '12:00', end: '13:00' },
    { day: 'tue', start: '20:00', end: '24:00' },
  ],
  overrides: [
    { date: '2026-12-25', windows: [] },
    { date: '2026-12-26', windows: [{ start: '10:00', end: '11:00' }] },
  ],
  bufferMinutes: 0,
  minNoticeMinutes: 43200,
  maxAdvanceDays: 365,
  slotIntervalMinutes: null,
};

const fields = (input: unknown) => availabilityErrors(input).map((error) => error.field);

describe('availability validation', () => {
  it('accepts a valid availability, touching windows and a window ending at 24:00', () => {
    expect(availabilityErrors(VALID)).toEqual([]);
    expect(availabilityErrors({})).toEqual([]);
    expect(availabilityErrors({ slotIntervalMinutes: 5 })).toEqual([]);
  });

  it('names an unknown time zone', () => {
    expect(fields({ timezone: 'Mars/Olympus_Mons' })).toEqual(['timezone']);
    expect(fields({ timezone: '+05:30' })).toEqual(['timezone']);
    expect(fields({ timezone: 42 })).toEqual(['timezone']);
  });

  it.each([
    ['bufferMinutes', -1],
    ['bufferMinutes', 121],
    ['bufferMinutes', 1.5],
    ['minNoticeMinutes', 43201],
    ['minNoticeMinutes', '60'],
    ['maxAdvanceDays', 0],
    ['maxAdvanceDays', 366],
    ['slotIntervalMinutes', 4],
    ['slotIntervalMinutes', 241],
  ])('names %s out of range (%s)', (field, value) => {
    expect(fields({ [field]: value })).toEqual([field]);
  });

  it('accepts the bounds of every range', () => {
    for (const body of [
      { bufferMinutes: 0, minNoticeMinutes: 0, maxAdvanceDays: 1, slotIntervalMinutes: 5 },
      { bufferMinutes: 120, minNoticeMinutes: 43200, maxAdvanceDays: 365, slotIntervalMinutes: 240 },
    ]) {
      expect(availabilityErrors(body)).toEqual([]);
    }
  });

  it('names unknown days and malformed times', () => {
    expect(fields({ weekly: [{ day: 'monday', start: '09:00', end: '10:00' }] })).toEqual(['weekly[0].day']);
    expect(fields({ weekly: [{ day: 'mon', start: '9:00', end: '10:00' }] })).toEqual(['weekly[0].start']);
    expect(fields({ weekly: [{ day: 'mon', start: '09:00', end: '10:60' }] })).toEqual(['weekly[0].end']);
    expect(fields({ weekly: [{ day: 'mon', start: '24:00', end: '24:00' }] })).toEqual(['weekly[0].start']);
    expect(fields({ weekly: [{ day: 'mon', start: '23:00', end: '24:01' }] })).toEqual(['weekly[0].end']);
    expect(fields({ weekly: [{ day: 'mon', start: '09:00' }] })).toEqual(['weekly[0].end']);
    expect(fields({ weekly: [{ day: 'mon', start: '09:00', end: '10:00', extra: 1 }] })).toEqual(['weekly[0].extra']);
    expect(fields({ weekly: 'mon 9-5' })).toEqual(['weekly']);
  });

  it('names inverted and empty windows at their end', () => {
    expect(availabilityErrors({ weekly: [{ day: 'fri', start: '13:00', end: '09:00' }] })).toEqual([
      { field: 'weekly[0].end', message: 'must be after start (13:00)' },
    ]);
    expect(fields({ weekly: [{ day: 'fri', start: '09:00', end: '09:00' }] })).toEqual(['weekly[0].end']);
    expect(fields({ overrides: [{ date: '2026-12-25', windows: [{ start: '18:00', end: '17:00' }] }] })).toEqual([
      'overrides[0].windows[0].end',
    ]);
  });

  it('names overlapping windows of the same day, whatever their order', () => {
    const errors = availabilityErrors({
      weekly: [
        { day: 'mon', start: '11:00', end: '14:00' },
        { day: 'tue', start: '11:00', end: '14:00' },
        { day: 'mon', start: '09:00', end: '12:00' },
      ],
    });
    expect(errors).toEqual([{ field: 'weekly[0].start', message: 'overlaps 09:00–12:00 on mon (weekly[2])' }]);
    // A window inside another.
    expect(
      fields({
        weekly: [
          { day: 'sun', start: '08:00', end: '20:00' },
          { day: 'sun', start: '10:00', end: '11:00' },
        ],
      }),
    ).toEqual(['weekly[1].start']);
  });

  it('names overlapping override windows, duplicate and impossible dates', () => {
    expect(
      fields({
        overrides: [
          {
            date: '2026-12-31',
            windows: [
              { start: '09:00', end: '10:30' },
              { start: '10:00', end: '11:00' },
            ],
          },
        ],
      }),
    ).toEqual(['overrides[0].windows[1].start']);
    expect(
      fields({
        overrides: [
          { date: '2026-12-25', windows: [] },
          { date: '2026-12-25', windows: [] },
        ],
      }),
    ).toEqual(['overrides[1].date']);
    expect(fields({ overrides: [{ date: '2027-02-29', windows: [] }] })).toEqual(['overrides[0].date']);
    expect(fields({ overrides: [{ date: '25-12-2026', windows: [] }] })).toEqual(['overrides[0].date']);
    expect(fields({ overrides: [{ date: '2026-12-25' }] })).toEqual(['overrides[0].windows']);
  });

  it('reports every problem at once and rejects unknown top-level fields', () => {
    expect(fields({ timezone: 'Nowhere', bufferMinutes: 500, color: 'blue' })).toEqual([
      'color',
      'timezone',
      'bufferMinutes',
    ]);
  });

  it('assertValidAvailability throws a validation DomainError with the details', () => {
    expect(() => assertValidAvailability(VALID)).not.toThrow();
    try {
      assertValidAvailability({ maxAdvanceDays: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('validation');
      expect((error as DomainError).details).toEqual([
        { field: 'maxAdvanceDays', message: 'must be a whole number from 1 to 365' },
      ]);
      expect((error as DomainError).message).toContain('maxAdvanceDays');
    }
  });
});

describe('availability caps', () => {
  const weekly = (count: number) => Array.from({ length: count }, () => ({ day: 'mon', start: '09:00', end: '10:00' }));
  const overrides = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      date: new Date(Date.UTC(2027, 0, 1 + index)).toISOString().slice(0, 10),
      windows: [],
    }));

  it('refuses more weekly windows, overrides or windows on one date than a counselor may keep, with a 422', () => {
    for (const input of [
      { weekly: weekly(51) },
      { overrides: overrides(367) },
      { overrides: [{ date: '2027-01-01', windows: weekly(13).map(({ start, end }) => ({ start, end })) }] },
    ]) {
      const error = domainErrorOf(() => assertValidAvailability(input));
      expect(error.kind).toBe('unprocessable');
      expect(error.code).toBe('calendar_cap_reached');
    }
    expect(availabilityCapProblem({ weekly: weekly(51) })).toMatch(/^weekly: at most 50 weekly windows/);
    expect(availabilityCapProblem({ overrides: [{}, { windows: weekly(13) }] })).toMatch(/^overrides\[1\]\.windows/);
  });

  it('allows exactly the caps', () => {
    expect(availabilityCapProblem({ weekly: weekly(50), overrides: overrides(366) })).toBeUndefined();
  });
});
