/**
 * Wall-clock dates and times in an IANA zone ↔ UTC instants, with the browser's own Intl data (no
 * time-zone library in the bundle). Calendar dates are `YYYY-MM-DD`, times `HH:mm`.
 */

import { currentZoneName } from './format';

const DAY_MS = 24 * 60 * 60_000;
const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows `date` `time`. A time repeated when summer time ends
 * resolves to its first occurrence; a time skipped when it starts moves forward by the gap (as
 * Temporal's "compatible" disambiguation does: 01:30 on a spring-forward night becomes 02:30).
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => instant + offsetAt(instant, timeZone) === wall,
  );
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore);
}

/** The calendar date (YYYY-MM-DD) a wall clock in `timeZone` shows at `instant`. */
export function zonedDate(instant: Date | string, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `date` plus `days` calendar days (no zone involved: dates are labels). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Every IANA zone this browser knows, by today's names, sorted; `current` first if the browser lacks it. */
export function timeZoneOptions(current: string): string[] {
  const known = [...new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName))].sort();
  return known.includes(current) ? known : [current, ...known];
}
