import { describe, expect, it } from 'vitest';
import { bookingIcs } from './ics';

describe('bookingIcs', () => {
  const ics = bookingIcs({
    uid: 'b1',
    startsAt: '2026-12-10T04:30:00.000Z',
    endsAt: '2026-12-10T05:20:00.000Z',
    title: 'Counseling session with Dr. Meera Iyer, PhD; online',
    description: `Join: https://meet.jit.si/haven-${'a'.repeat(60)}`,
    url: 'https://meet.jit.si/haven-x',
    now: new Date('2026-12-01T00:00:00.000Z'),
  });

  it('is one UTC event with CRLF line ends', () => {
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nDTSTART:20261210T043000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261210T052000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20261201T000000Z\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text and folds lines longer than 75 octets', () => {
    expect(ics).toContain('SUMMARY:Counseling session with Dr. Meera Iyer\\, PhD\\; online');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain(`DESCRIPTION:Join: https://meet.jit.si/haven-${'a'.repeat(60)}`);
  });
});
