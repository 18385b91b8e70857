import { formatDateTime } from './format';

/** Money counts in India Standard Time: months and days as Razorpay's reports do. */
export const IST = 'Asia/Kolkata';

/** The IST month of an instant as YYYY-MM. */
export function istMonth(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: IST, year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

/** The IST calendar date (YYYY-MM-DD) of an instant. */
export function istDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: IST,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Midnight IST starting a YYYY-MM-DD date, as a UTC instant (IST is UTC+05:30 all year). */
export function istMidnight(date: string): string {
  return new Date(`${date}T00:00:00+05:30`).toISOString();
}

/** The day after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** "12 Dec 2026, 4:30 pm" in IST. */
export function formatIst(instant: string): string {
  return formatDateTime(instant, IST, { weekday: false });
}
