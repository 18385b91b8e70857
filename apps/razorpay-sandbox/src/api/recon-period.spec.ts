import { describe, expect, it } from 'vitest';
import { reconPeriod } from './recon-period';

describe('reconPeriod', () => {
  it('covers one calendar day in India Standard Time', () => {
    expect(reconPeriod({ year: 2026, month: 3, day: 7 })).toEqual({
      start: new Date('2026-03-06T18:30:00Z'),
      end: new Date('2026-03-07T18:30:00Z'),
    });
  });

  it('covers a whole month, across the year end', () => {
    expect(reconPeriod({ year: 2026, month: 12, day: null })).toEqual({
      start: new Date('2026-11-30T18:30:00Z'),
      end: new Date('2026-12-31T18:30:00Z'),
    });
  });
});
