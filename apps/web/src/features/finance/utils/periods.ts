/** Finance counts in India Standard Time: months and days as Razorpay's reports do. */
export const FINANCE_ZONE = 'Asia/Kolkata';

/** The IST month of an instant as YYYY-MM. */
export function istMonth(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: FINANCE_ZONE, year: 'numeric', month: '2-digit' })
    .format(at)
    .slice(0, 7);
}

/** The IST calendar date (YYYY-MM-DD) of an instant. */
export function istDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: FINANCE_ZONE,
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
  return new Intl.DateTimeFormat('en-IN', {
    timeZone: FINANCE_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** "1,234.50" or "1234.5" rupees → 123450 paise, exactly (no floating point); null when it is not an amount. */
export function parseRupees(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
