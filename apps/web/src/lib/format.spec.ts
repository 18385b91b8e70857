import { describe, expect, it } from 'vitest';
import { currentZoneName, dayKey, formatRupees, formatTime, timeZoneLabel } from './format';

describe('formatRupees', () => {
  it('groups digits the Indian way and drops zero paise', () => {
    expect(formatRupees(1_234_567_00)).toBe('₹12,34,567');
    expect(formatRupees(50_000)).toBe('₹500');
  });

  it('keeps paise when there are some', () => {
    expect(formatRupees(3_050)).toBe('₹30.50');
  });

  it('shows a free offering as ₹0', () => {
    expect(formatRupees(0)).toBe('₹0');
  });
});

describe('times in the viewer zone', () => {
  const instant = '2026-12-07T20:30:00Z';

  it('shows the same instant in each zone', () => {
    expect(formatTime(instant, 'Asia/Kolkata')).toMatch(/^2:00\s?am$/i);
    expect(formatTime(instant, 'Europe/London')).toMatch(/^8:30\s?pm$/i);
  });

  it('groups by the calendar day of the zone, not of UTC', () => {
    expect(dayKey(instant, 'Asia/Kolkata')).toBe('2026-12-08');
    expect(dayKey(instant, 'America/New_York')).toBe('2026-12-07');
  });

  it('names the zone', () => {
    expect(timeZoneLabel('Asia/Kolkata', new Date(instant))).toBe('India Standard Time (Asia/Kolkata)');
  });
});

describe('currentZoneName', () => {
  it('uses the current IANA name where a browser reports an old one', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/London')).toBe('Europe/London');
  });
});
