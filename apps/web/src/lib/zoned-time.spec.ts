import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, zonedDate, zonedToUtc } from './zoned-time';

describe('zonedToUtc', () => {
  it('reads a wall clock in a zone without summer time', () => {
    expect(zonedToUtc('2026-12-07', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-07T03:30:00.000Z');
    expect(zonedToUtc('2026-12-07', '00:00', 'Asia/Tokyo').toISOString()).toBe('2026-12-06T15:00:00.000Z');
  });

  it('follows summer time on either side of a switch', () => {
    expect(zonedToUtc('2026-03-28', '12:00', 'Europe/London').toISOString()).toBe('2026-03-28T12:00:00.000Z');
    expect(zonedToUtc('2026-03-30', '12:00', 'Europe/London').toISOString()).toBe('2026-03-30T11:00:00.000Z');
  });

  it('takes the first of a repeated hour and moves a skipped one past the gap', () => {
    // London repeats 01:00–02:00 on 25 Oct 2026 (BST, then GMT) and skips 01:00–02:00 on 29 Mar 2026.
    expect(zonedToUtc('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToUtc('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('zonedDate', () => {
  it('is the date on the wall in that zone, not in UTC', () => {
    expect(zonedDate('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('2026-12-07');
    expect(zonedDate('2026-12-06T20:00:00Z', 'America/New_York')).toBe('2026-12-06');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // the Sunday after
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});
