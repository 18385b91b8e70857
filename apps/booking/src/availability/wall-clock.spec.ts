import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, parseDate, wallClockToInstant, weekdayIndex, zoneOf } from './wall-clock';

describe('wall clock to instant', () => {
  it('agrees with Luxon for every ordinary time of a year in several zones', () => {
    for (const timezone of ['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      const zone = zoneOf(timezone);
      for (let date = { year: 2027, month: 1, day: 1 }; date.year === 2027; date = addDays(date, 1)) {
        for (const minutes of [0, 9 * 60 + 30, 13 * 60 + 15, 23 * 60 + 59]) {
          const luxon = DateTime.fromObject(
            { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 },
            { zone: timezone },
          );
          // Skip the rare wall times that happen twice or never: they have their own rules below.
          const instant = wallClockToInstant(zone, date, minutes);
          const back = DateTime.fromMillis(instant, { zone: timezone });
          if (back.hour * 60 + back.minute !== minutes) continue;
          if (DateTime.fromMillis(instant + 3_600_000, { zone: timezone }).offset !== back.offset) continue;
          expect(instant, `${timezone} ${JSON.stringify(date)} ${minutes}`).toBe(luxon.toMillis());
        }
      }
    }
  });

  it('24:00 is the next midnight', () => {
    const zone = zoneOf('Asia/Kolkata');
    expect(new Date(wallClockToInstant(zone, { year: 2026, month: 12, day: 31 }, 1440)).toISOString()).toBe(
      '2026-12-31T18:30:00.000Z',
    );
  });

  it('a repeated wall time is its first occurrence; a skipped one uses the offset before the gap', () => {
    const london = zoneOf('Europe/London');
    const at = (month: number, day: number, minutes: number) =>
      new Date(wallClockToInstant(london, { year: 2027, month, day }, minutes)).toISOString();
    expect(at(10, 31, 60)).toBe('2027-10-31T00:00:00.000Z');
    expect(at(10, 31, 90)).toBe('2027-10-31T00:30:00.000Z');
    expect(at(10, 31, 120)).toBe('2027-10-31T02:00:00.000Z');
    expect(at(3, 28, 60)).toBe('2027-03-28T01:00:00.000Z');
    expect(at(3, 28, 90)).toBe('2027-03-28T01:30:00.000Z');
    expect(at(3, 28, 120)).toBe('2027-03-28T01:00:00.000Z');
  });
});

describe('calendar dates', () => {
  it('weekday index is Monday = 0', () => {
    expect(weekdayIndex({ year: 2026, month: 12, day: 7 })).toBe(0);
    expect(weekdayIndex({ year: 2027, month: 3, day: 28 })).toBe(6);
  });

  it('parses only real dates', () => {
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2027-02-29')).toBeUndefined();
    expect(parseDate('2027-13-01')).toBeUndefined();
    expect(parseDate('2027-1-01')).toBeUndefined();
  });
});
