import { describe, expect, it } from 'vitest';
import { istDate, istMidnight, istMonth, nextDate, parseRupees } from './periods';

describe('finance periods in the web app (IST)', () => {
  it('names the IST month and date of an instant', () => {
    expect(istMonth(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12');
    expect(istDate(new Date('2026-11-30T18:29:59Z'))).toBe('2026-11-30');
  });

  it('turns a date into the instant its IST day starts, and steps a day across a month end', () => {
    expect(istMidnight('2026-12-01')).toBe('2026-11-30T18:30:00.000Z');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('reads rupees into exact paise', () => {
    expect(['1,234.50', '1234.5', '0.05', '12', ' 7.1 '].map(parseRupees)).toEqual([123_450, 123_450, 5, 1_200, 710]);
    expect(['', '1.234', '-5', 'ten', '1e3'].map(parseRupees)).toEqual([null, null, null, null, null]);
  });
});
