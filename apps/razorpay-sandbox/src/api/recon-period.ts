import type { ReconQuery } from './request-validation';

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/**
 * The instants a recon query covers: the calendar day (or month) in India Standard Time, as
 * Razorpay's reports are, from `start` inclusive to `end` exclusive.
 */
export function reconPeriod(query: Pick<ReconQuery, 'year' | 'month' | 'day'>): { start: Date; end: Date } {
  const monthIndex = query.month - 1;
  const startUtc = Date.UTC(query.year, monthIndex, query.day ?? 1);
  const endUtc =
    query.day === null ? Date.UTC(query.year, monthIndex + 1, 1) : Date.UTC(query.year, monthIndex, query.day + 1);
  return { start: new Date(startUtc - IST_OFFSET_MS), end: new Date(endUtc - IST_OFFSET_MS) };
}
