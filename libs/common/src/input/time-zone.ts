import { IANAZone } from 'luxon';

/** Region/City style names (and UTC); rules out offsets such as `+05:30`, which are not IANA zones. */
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone name the tz database knows (Asia/Kolkata, Europe/London): one rule for the gateway and every service. */
export function isIanaTimeZone(value: unknown): value is string {
  return typeof value === 'string' && ZONE_SHAPE.test(value) && IANAZone.isValidZone(value);
}
