import { DomainError } from '@haven/common';
import { describe, expect, it } from 'vitest';
import { istDaysOf, monthPeriodOf, parseMonthPeriod, parseReconciliationRange, previousIstDay } from './finance-period';

describe('finance periods (IST)', () => {
  it('reads YYYY-MM as the IST month: from 18:30 UTC on the last day before', () => {
    expect(parseMonthPeriod('2026-12')).toEqual({
      period: '2026-12',
      from: new Date('2026-11-30T18:30:00.000Z'),
      to: new Date('2026-12-31T18:30:00.000Z'),
    });
  });

  it.each(['2026-13', '2026-1', '26-01', '2026-00', '', 'december', 202612, null])(
    'refuses %j naming the field',
    (value) => {
      expect(() => parseMonthPeriod(value, 'period')).toThrow(/^period: must be a month as YYYY-MM/);
    },
  );

  it('places an instant in its IST month', () => {
    expect(monthPeriodOf(new Date('2026-11-30T18:29:59.999Z'))).toBe('2026-11');
    expect(monthPeriodOf(new Date('2026-11-30T18:30:00.000Z'))).toBe('2026-12');
  });

  it('the previous IST day of a 02:00 IST run', () => {
    expect(previousIstDay(new Date('2026-12-04T20:30:00.000Z'))).toEqual({
      from: new Date('2026-12-03T18:30:00.000Z'),
      to: new Date('2026-12-04T18:30:00.000Z'),
    });
  });

  it('lists the IST days a range touches', () => {
    expect(istDaysOf({ from: new Date('2026-12-31T18:00:00Z'), to: new Date('2026-12-31T19:00:00Z') })).toEqual([
      { year: 2026, month: 12, day: 31 },
      { year: 2027, month: 1, day: 1 },
    ]);
  });

  describe('reconciliation range', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    const fieldOf = (input: { from?: unknown; to?: unknown }) => {
      try {
        parseReconciliationRange(input, now);
      } catch (error) {
        return (error as DomainError).details?.[0];
      }
      return undefined;
    };

    it('accepts a period up to 31 days', () => {
      expect(parseReconciliationRange({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, now)).toEqual({
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
      });
    });

    it('names the bad field', () => {
      expect(fieldOf({ to: '2026-12-01T00:00:00Z' })).toEqual({ field: 'from', message: 'is required' });
      expect(fieldOf({ from: 'yesterday', to: '2026-12-01T00:00:00Z' })?.field).toBe('from');
      expect(fieldOf({ from: '2026-02-30T00:00:00Z', to: '2026-12-01T00:00:00Z' })?.field).toBe('from');
      expect(fieldOf({ from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toEqual({
        field: 'to',
        message: 'must be after from',
      });
      expect(fieldOf({ from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })?.field).toBe('to');
      expect(fieldOf({ from: '2026-12-11T00:00:00Z', to: '2026-12-12T00:00:00Z' })?.field).toBe('from');
    });
  });
});
