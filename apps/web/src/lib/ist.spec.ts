import { describe, expect, it } from 'vitest';
import { formatIst, istDate, istMidnight, istMonth, nextDate } from './ist';

describe('months and days in IST', () => {
  it('names the IST month and date of an instant', () => {
    expect(istMonth(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12');
    expect(istDate(new Date('2026-11-30T18:29:59Z'))).toBe('2026-11-30');
  });

  it('turns a date into the instant its IST day starts, and steps a day across a month end', () => {
    expect(istMidnight('2026-12-01')).toBe('2026-11-30T18:30:00.000Z');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('writes an instant as its IST date and time, without the weekday', () => {
    expect(formatIst('2026-12-12T11:00:00Z').replace(/\s/g, ' ')).toBe('12 Dec 2026, 4:30 pm');
  });
});
