const E164 = /^\+[1-9]\d{7,14}$/;
const PHONE_SEPARATORS = /[\s().-]/g;

/**
 * A phone number in international form: `+`, country code and number (E.164, 8–15 digits).
 * Spaces, dots, dashes and parentheses are accepted and dropped: `+91 98765-43210` → `+919876543210`.
 * One rule for the gateway and the accounts service, so a number is never accepted by one and refused
 * by the other.
 */
export function normalizePhone(value: string): string | undefined {
  const compact = value.trim().replace(PHONE_SEPARATORS, '');
  return E164.test(compact) ? compact : undefined;
}
