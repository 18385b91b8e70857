import { describe, expect, it } from 'vitest';
import { formatInstant, formatLeadTime, formatRupees, formatSessionTime, zoneOrDefault } from './format';

describe('formatRupees', () => {
  it('groups digits the Indian way (lakh, crore)', () => {
    expect(formatRupees(12_345_678)).toBe('₹1,23,456.78');
    expect(formatRupees(100_000_000)).toBe('₹10,00,000');
    expect(formatRupees(1_234_567_890_00)).toBe('₹1,23,45,67,890');
  });

  it('drops the paise of whole rupees and pads the others', () => {
    expect(formatRupees(50_000)).toBe('₹500');
    expect(formatRupees(3000)).toBe('₹30');
    expect(formatRupees(5)).toBe('₹0.05');
    expect(formatRupees(0)).toBe('₹0');
  });

  it('refuses amounts that are not whole paise', () => {
    expect(() => formatRupees(10.5)).toThrow(RangeError);
  });
});

describe('formatSessionTime', () => {
  it('shows the session in the recipient’s zone and names the zone', () => {
    expect(formatSessionTime('2026-12-01T04:30:00Z', '2026-12-01T05:20:00Z', 'Asia/Kolkata')).toBe(
      'Tuesday, 1 December 2026, 10:00 am – 10:50 am IST (Asia/Kolkata)',
    );
  });

  it('follows daylight saving time abroad', () => {
    const winter = formatSessionTime('2026-12-01T04:30:00Z', '2026-12-01T05:20:00Z', 'Europe/London');
    const summer = formatSessionTime('2026-07-01T04:30:00Z', '2026-07-01T05:20:00Z', 'Europe/London');
    expect(winter).toBe('Tuesday, 1 December 2026, 4:30 am – 5:20 am GMT (Europe/London)');
    expect(summer).toBe('Wednesday, 1 July 2026, 5:30 am – 6:20 am BST (Europe/London)');
    expect(formatInstant('2027-01-05T15:00:00Z', 'America/New_York')).toBe(
      'Tuesday, 5 January 2027, 10:00 am EST (America/New_York)',
    );
    expect(formatInstant('2027-07-05T15:00:00Z', 'America/New_York')).toBe(
      'Monday, 5 July 2027, 11:00 am EDT (America/New_York)',
    );
    // A zone without a common short name shows its offset.
    expect(formatInstant('2027-01-05T15:00:00Z', 'Asia/Kathmandu')).toBe(
      'Tuesday, 5 January 2027, 8:45 pm GMT+5:45 (Asia/Kathmandu)',
    );
  });

  it('names the end date when a session crosses midnight', () => {
    expect(formatSessionTime('2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z', 'Asia/Kolkata')).toBe(
      'Tuesday, 1 December 2026, 11:30 pm – Wednesday, 2 December 2026, 12:30 am IST (Asia/Kolkata)',
    );
  });

  it('falls back to India time for an unknown zone', () => {
    expect(zoneOrDefault('Mars/Olympus')).toBe('Asia/Kolkata');
    expect(formatInstant('2026-12-01T04:30:00Z', 'Mars/Olympus')).toBe(
      'Tuesday, 1 December 2026, 10:00 am IST (Asia/Kolkata)',
    );
  });
});

describe('formatLeadTime', () => {
  it('says how long before a session a reminder comes', () => {
    expect(formatLeadTime(1440)).toBe('24 hours');
    expect(formatLeadTime(60)).toBe('1 hour');
    expect(formatLeadTime(90)).toBe('1 hour 30 minutes');
    expect(formatLeadTime(1)).toBe('1 minute');
    expect(formatLeadTime(10_080)).toBe('7 days');
  });
});
