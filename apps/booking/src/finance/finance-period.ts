import { FINANCE_LIMITS, PERIOD_PATTERN } from '@haven/contracts';
import { DomainError, FieldErrors, optionalInstant, parseInstant } from '@haven/common';
import { DateTime } from 'luxon';

/** Finance counts days and months as India does: Razorpay's reports and payouts are in IST. */
export const FINANCE_ZONE = 'Asia/Kolkata';

export interface InstantRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface MonthPeriod extends InstantRange {
  /** `YYYY-MM`. */
  period: string;
}

/** A `YYYY-MM` month in IST as instants; anything else is a 400 naming `field`. */
export function parseMonthPeriod(value: unknown, field = 'period'): MonthPeriod {
  const match = typeof value === 'string' ? PERIOD_PATTERN.exec(value) : null;
  if (!match) throw DomainError.invalidField(field, 'must be a month as YYYY-MM, such as 2026-12');
  const start = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: 1 },
    { zone: FINANCE_ZONE },
  );
  return { period: value as string, from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The IST month an instant falls in, as `YYYY-MM`. */
export function monthPeriodOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone: FINANCE_ZONE }).toFormat('yyyy-MM');
}

/** The whole IST day before the one `now` falls in: what the 02:00 IST job reconciles. */
export function previousIstDay(now: Date): InstantRange {
  const today = DateTime.fromJSDate(now, { zone: FINANCE_ZONE }).startOf('day');
  return { from: today.minus({ days: 1 }).toJSDate(), to: today.toJSDate() };
}

/** The IST calendar days (year, month, day) that a range touches, in order: what Razorpay's recon report is asked for. */
export function istDaysOf(range: InstantRange): { year: number; month: number; day: number }[] {
  const days: { year: number; month: number; day: number }[] = [];
  let day = DateTime.fromJSDate(range.from, { zone: FINANCE_ZONE }).startOf('day');
  const end = range.to.getTime();
  while (day.toMillis() < end) {
    days.push({ year: day.year, month: day.month, day: day.day });
    day = day.plus({ days: 1 });
  }
  return days;
}

/** `{from, to}` of a reconciliation request: real instants, from before to, at most 31 days, not in the future. */
export function parseReconciliationRange(input: { from?: unknown; to?: unknown }, now: Date): InstantRange {
  const { from, to } = new FieldErrors().checkAll({
    from: () => requiredInstant(input.from, 'from'),
    to: () => requiredInstant(input.to, 'to'),
  });
  if (from >= to) throw DomainError.invalidField('to', 'must be after from');
  if (to.getTime() - from.getTime() > FINANCE_LIMITS.maxReconciliationDays * 86_400_000) {
    throw DomainError.invalidField('to', `must be at most ${FINANCE_LIMITS.maxReconciliationDays} days after from`);
  }
  if (from > now) throw DomainError.invalidField('from', 'must not be in the future');
  return { from, to };
}

function requiredInstant(value: unknown, field: string): Date {
  if (value === undefined || value === null || value === '') throw DomainError.invalidField(field, 'is required');
  return parseInstant(value, field);
}

/** Optional `from`/`to` filters of a list: each a real instant, and from before to when both are given. */
export function optionalRange(input: { from?: unknown; to?: unknown }): { from?: Date; to?: Date } {
  const { from, to } = new FieldErrors().checkAll({
    from: () => optionalInstant(input.from, 'from'),
    to: () => optionalInstant(input.to, 'to'),
  });
  if (from && to && from >= to) throw DomainError.invalidField('to', 'must be after from');
  return { from, to };
}
