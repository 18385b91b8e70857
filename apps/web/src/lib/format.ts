const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2 });

/**
 * Building an Intl.DateTimeFormat costs far more than using one, and a slot list formats hundreds
 * of times: one formatter per zone and style, kept for the page's life.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** ₹ with Indian digit grouping: 1234567_00 paise → "₹12,34,567". Whole rupees drop the paise. */
export function formatRupees(paise: number): string {
  return rupees.format(paise / 100).replace(/\.00$/, '');
}

/** Old names some browsers' ICU still reports (Chromium says Asia/Calcutta) → today's IANA names. */
const RENAMED_ZONES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
};

export function currentZoneName(zone: string): string {
  return RENAMED_ZONES[zone] ?? zone;
}

/** The viewer's IANA zone, e.g. "Asia/Kolkata". */
export function viewerTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** A readable zone name, e.g. "India Standard Time", for saying which zone times are shown in. */
export function timeZoneLabel(timeZone: string, at: Date = new Date()): string {
  const part = dateFormat('en-IN', { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part ? `${part.value} (${timeZone})` : timeZone;
}

/** "Mon, 7 Dec" in the given zone. */
export function formatDay(instant: string | Date, timeZone: string): string {
  return dateFormat('en-IN', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant));
}

/** "4:30 pm" in the given zone. */
export function formatTime(instant: string | Date, timeZone: string): string {
  return dateFormat('en-IN', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/** The calendar date (YYYY-MM-DD) of an instant in the given zone, for grouping slots by day. */
export function dayKey(instant: string | Date, timeZone: string): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** "Mon, 7 Dec 2026, 4:30 pm" in the given zone; without the weekday where a table has no room for it. */
export function formatDateTime(
  instant: string | Date,
  timeZone: string,
  { weekday = true }: { weekday?: boolean } = {},
): string {
  return dateFormat('en-IN', {
    timeZone,
    ...(weekday ? { weekday: 'short' } : {}),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A short zone name for next to a time: "IST", "GMT+9". */
export function shortZoneName(timeZone: string, at: Date = new Date()): string {
  const part = dateFormat('en-IN', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "9:05" for a countdown of 545 seconds; never negative. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
