import { AVAILABILITY_LIMITS, CALENDAR_CAPS, type FieldError, WEEKDAYS } from '@haven/contracts';
import { DomainError, FieldErrors, isIanaTimeZone } from '@haven/common';
import { parseDate } from './wall-clock';

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Checks a `PUT /counselor/availability` body, structure and meaning, and names every bad field
 * (`weekly[2].end`, `overrides[0].windows[1].start`, `bufferMinutes`). Pure: the gateway's DTOs catch
 * most structural problems first, this is the authority the service relies on.
 */
export function availabilityErrors(input: unknown): FieldError[] {
  const errors = new FieldErrors();
  checkAvailability(input, errors);
  return errors.details;
}

function checkAvailability(input: unknown, errors: FieldErrors): void {
  if (!isRecord(input)) {
    errors.add('availability', 'must be an object');
    return;
  }
  const allowed = new Set([
    'timezone',
    'weekly',
    'overrides',
    'bufferMinutes',
    'minNoticeMinutes',
    'maxAdvanceDays',
    'slotIntervalMinutes',
  ]);
  for (const key of Object.keys(input)) {
    if (!allowed.has(key)) errors.add(key, 'is not allowed');
  }

  if (input.timezone !== undefined) {
    if (!isIanaTimeZone(input.timezone)) {
      errors.add('timezone', 'must be an IANA time zone such as Asia/Kolkata');
    }
  }

  for (const [field, limits] of Object.entries(AVAILABILITY_LIMITS)) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null && field === 'slotIntervalMinutes') continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < limits.min || value > limits.max) {
      errors.add(field, `must be a whole number from ${limits.min} to ${limits.max}`);
    }
  }

  if (input.weekly !== undefined) checkWeekly(input.weekly, errors);
  if (input.overrides !== undefined) checkOverrides(input.overrides, errors);
}

/**
 * More windows or overrides than a counselor may keep (CALENDAR_CAPS): well-formed, but refused by the
 * rules, so a 422 naming the cap rather than a 400.
 */
export function availabilityCapProblem(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined;
  const { maxWeeklyWindows, maxOverrides, maxWindowsPerOverride } = CALENDAR_CAPS;
  if (Array.isArray(input.weekly) && input.weekly.length > maxWeeklyWindows) {
    return `weekly: at most ${maxWeeklyWindows} weekly windows are allowed (${input.weekly.length} sent)`;
  }
  if (Array.isArray(input.overrides)) {
    if (input.overrides.length > maxOverrides) {
      return `overrides: at most ${maxOverrides} date overrides are allowed (${input.overrides.length} sent)`;
    }
    const index = input.overrides.findIndex(
      (entry) => isRecord(entry) && Array.isArray(entry.windows) && entry.windows.length > maxWindowsPerOverride,
    );
    if (index >= 0) {
      return `overrides[${index}].windows: at most ${maxWindowsPerOverride} windows are allowed on one date`;
    }
  }
  return undefined;
}

/** Throws a 422 when a cap is exceeded, else a 400-kind DomainError listing every problem. */
export function assertValidAvailability(input: unknown): void {
  const cap = availabilityCapProblem(input);
  if (cap) throw DomainError.unprocessable('calendar_cap_reached', cap);
  const errors = new FieldErrors();
  checkAvailability(input, errors);
  errors.throwIfAny();
}

function checkWeekly(weekly: unknown, errors: FieldErrors): void {
  if (!Array.isArray(weekly)) {
    errors.add('weekly', 'must be an array');
    return;
  }
  const byDay = new Map<string, ParsedWindow[]>();
  weekly.forEach((entry, index) => {
    const field = `weekly[${index}]`;
    if (!isRecord(entry)) {
      errors.add(field, 'must be an object {day, start, end}');
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['day', 'start', 'end'].includes(key)) errors.add(`${field}.${key}`, 'is not allowed');
    }
    const dayOk = typeof entry.day === 'string' && (WEEKDAYS as readonly string[]).includes(entry.day);
    if (!dayOk) errors.add(`${field}.day`, `must be one of ${WEEKDAYS.join(', ')}`);
    const window = checkWindow(entry, field, errors);
    if (dayOk && window) {
      const list = byDay.get(entry.day as string) ?? [];
      list.push(window);
      byDay.set(entry.day as string, list);
    }
  });
  for (const [day, windows] of byDay) checkOverlaps(windows, `on ${day}`, errors);
}

function checkOverrides(overrides: unknown, errors: FieldErrors): void {
  if (!Array.isArray(overrides)) {
    errors.add('overrides', 'must be an array');
    return;
  }
  const seen = new Map<string, number>();
  overrides.forEach((entry, index) => {
    const field = `overrides[${index}]`;
    if (!isRecord(entry)) {
      errors.add(field, 'must be an object {date, windows}');
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['date', 'windows'].includes(key)) errors.add(`${field}.${key}`, 'is not allowed');
    }
    const date = typeof entry.date === 'string' ? entry.date : undefined;
    if (date === undefined || !parseDate(date)) {
      errors.add(`${field}.date`, 'must be a real date YYYY-MM-DD');
    } else if (seen.has(date)) {
      errors.add(`${field}.date`, `${date} already has an override (overrides[${seen.get(date)}])`);
    } else {
      seen.set(date, index);
    }
    if (!Array.isArray(entry.windows)) {
      errors.add(`${field}.windows`, 'must be an array (empty for a day off)');
      return;
    }
    const parsed: ParsedWindow[] = [];
    entry.windows.forEach((window: unknown, windowIndex: number) => {
      const windowField = `${field}.windows[${windowIndex}]`;
      if (!isRecord(window)) {
        errors.add(windowField, 'must be an object {start, end}');
        return;
      }
      for (const key of Object.keys(window)) {
        if (!['start', 'end'].includes(key)) errors.add(`${windowField}.${key}`, 'is not allowed');
      }
      const ok = checkWindow(window, windowField, errors);
      if (ok) parsed.push(ok);
    });
    checkOverlaps(parsed, date ? `on ${date}` : 'on this date', errors);
  });
}

interface ParsedWindow {
  field: string;
  start: number;
  end: number;
  text: string;
}

/** Checks one window's times; returns it parsed when both are well-formed and in order. */
function checkWindow(window: Record<string, unknown>, field: string, errors: FieldErrors): ParsedWindow | undefined {
  const start = typeof window.start === 'string' && START_TIME.test(window.start) ? window.start : undefined;
  const end = typeof window.end === 'string' && END_TIME.test(window.end) ? window.end : undefined;
  if (start === undefined) {
    errors.add(
      `${field}.start`,
      window.start === '24:00' ? '24:00 can only end a window' : 'must be a time HH:mm from 00:00 to 23:59',
    );
  }
  if (end === undefined) errors.add(`${field}.end`, 'must be a time HH:mm from 00:01 to 24:00');
  if (start === undefined || end === undefined) return undefined;
  const startMinutes = toMinutes(start);
  const endMinutes = toMinutes(end);
  if (endMinutes <= startMinutes) {
    errors.add(`${field}.end`, `must be after start (${start})`);
    return undefined;
  }
  return { field, start: startMinutes, end: endMinutes, text: `${start}–${end}` };
}

/** Windows of one day may touch (09:00–12:00, 12:00–13:00) but not overlap. */
function checkOverlaps(windows: ParsedWindow[], where: string, errors: FieldErrors): void {
  const sorted = [...windows].sort((a, b) => a.start - b.start || a.end - b.end);
  let reach: ParsedWindow | undefined;
  for (const window of sorted) {
    if (reach && window.start < reach.end) {
      errors.add(`${window.field}.start`, `overlaps ${reach.text} ${where} (${reach.field})`);
    }
    if (!reach || window.end > reach.end) reach = window;
  }
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
