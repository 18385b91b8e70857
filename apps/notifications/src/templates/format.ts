import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_ZONE = 'Asia/Kolkata';

const RUPEE_GROUPING = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/**
 * Integer paise as rupees with Indian digit grouping: 12345678 → `₹1,23,456.78`, 50000 → `₹500`.
 * Whole rupees drop the paise; arithmetic stays in integers.
 */
export function formatRupees(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`not a whole number of paise: ${paise}`);
  const sign = paise < 0 ? '-' : '';
  const magnitude = Math.abs(paise);
  const rupees = RUPEE_GROUPING.format(Math.floor(magnitude / 100));
  const rest = magnitude % 100;
  return `${sign}₹${rupees}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** The recipient's zone if it is a real IANA zone, else the platform default. */
export function zoneOrDefault(zone: string | null | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : DEFAULT_ZONE;
}

function local(instant: string, zone: string): DateTime {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zoneOrDefault(zone)).setLocale('en-IN');
}

/** Locales whose short zone names cover India, the Americas and Europe (IST, EST, BST...). */
const ZONE_NAME_LOCALES = ['en-IN', 'en-US', 'en-GB'];

/**
 * `IST (Asia/Kolkata)`, `EST (America/New_York)`: the short name where some locale has one (else
 * the offset, `GMT+4`), always with the IANA name beside it.
 */
function zoneLabel(at: DateTime): string {
  const names = ZONE_NAME_LOCALES.map((locale) => at.setLocale(locale).toFormat('ZZZZ'));
  const short = names.find((name) => !/^(GMT|UTC)[+-]/.test(name)) ?? names[0];
  return `${short} (${at.zoneName})`;
}

/**
 * A session's time as its participant reads it, in their own zone with the zone named:
 * `Tuesday, 1 December 2026, 10:00 am – 10:50 am IST (Asia/Kolkata)`.
 */
export function formatSessionTime(startsAt: string, endsAt: string, zone: string): string {
  const start = local(startsAt, zone);
  const end = local(endsAt, zone);
  const endFormat = start.hasSame(end, 'day') ? 'h:mm a' : 'cccc, d LLLL yyyy, h:mm a';
  return `${start.toFormat('cccc, d LLLL yyyy, h:mm a')} – ${end.toFormat(endFormat)} ${zoneLabel(end)}`;
}

/** One instant in the recipient's zone, with the zone named. */
export function formatInstant(instant: string, zone: string): string {
  const at = local(instant, zone);
  return `${at.toFormat('cccc, d LLLL yyyy, h:mm a')} ${zoneLabel(at)}`;
}

/** A calendar date range of a period (finance), as dates in the given zone. */
export function formatPeriod(from: string, to: string, zone: string): string {
  return `${local(from, zone).toFormat('d LLL yyyy, h:mm a')} – ${local(to, zone).toFormat('d LLL yyyy, h:mm a')} ${zoneLabel(local(to, zone))}`;
}

/** 1440 → `24 hours`, 60 → `1 hour`, 90 → `1 hour 30 minutes`, 2880 → `2 days`. */
export function formatLeadTime(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0 && hours === 0 && rest === 0 && days !== 1) return plural(days, 'day');
  const totalHours = Math.floor(minutes / 60);
  const parts = [totalHours > 0 ? plural(totalHours, 'hour') : '', rest > 0 ? plural(rest, 'minute') : ''];
  return parts.filter(Boolean).join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
