import { DateTime, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A calendar date, independent of any zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** `HH:mm` → minutes after midnight; `24:00` → 1440 (midnight at the end of the day). */
export function minutesOfDay(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`not an HH:mm time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function zoneOf(timezone: string): IANAZone {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new Error(`unknown time zone: ${timezone}`);
  return zone;
}

/**
 * The instant at which the clocks of `zone` show `minutes` after midnight of `date` (1440 = the
 * next midnight). Offsets come from the tz database through Luxon; the rules for the two DST edge
 * cases follow RFC 5545 §3.3.5:
 * - a wall time that happens twice (clocks go back) is its FIRST occurrence;
 * - a wall time that never happens (clocks go forward) is read with the offset in force before the
 *   gap, i.e. 01:30 on a day clocks jump 01:00 → 02:00 is the instant 02:30 new time.
 */
export function wallClockToInstant(zone: IANAZone, date: LocalDate, minutes: number): number {
  // The wall time written as if it were UTC; the real instant is this minus the zone's offset then.
  const naive = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE_MS;
  const before = zone.offset(naive - 12 * HOUR_MS);
  const after = zone.offset(naive + 12 * HOUR_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = naive - offset * MINUTE_MS;
    if (zone.offset(instant) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best ?? naive - before * MINUTE_MS;
}

/** The calendar date the clocks of `zone` show at `instant`. */
export function localDateAt(zone: IANAZone, instant: number): LocalDate {
  const local = DateTime.fromMillis(instant, { zone });
  return { year: local.year, month: local.month, day: local.day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday, from the calendar alone. */
export function weekdayIndex(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DD`. */
export function formatDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist (2027-02-30). */
export function parseDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (
    check.getUTCFullYear() !== date.year ||
    check.getUTCMonth() + 1 !== date.month ||
    check.getUTCDate() !== date.day
  ) {
    return undefined;
  }
  return date;
}
