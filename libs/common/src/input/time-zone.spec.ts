import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone';

describe('isIanaTimeZone', () => {
  it('accepts IANA zones only', () => {
    for (const zone of ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'UTC', 'America/Argentina/Buenos_Aires']) {
      expect(isIanaTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['Mars/Base', '+05:30', 'Z', '', 'Asia/Kolkata; DROP', 5]) {
      expect(isIanaTimeZone(zone), String(zone)).toBe(false);
    }
  });
});
