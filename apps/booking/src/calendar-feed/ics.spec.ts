import { describe, expect, it } from 'vitest';
import { renderCalendar } from './ics';

describe('ICS rendering', () => {
  const text = renderCalendar(
    [
      {
        id: '7d0d1a52-1c5e-4c1d-9a40-7b8e1f5f3a10',
        mode: 'video',
        startsAt: new Date('2026-12-07T03:30:00Z'),
        endsAt: new Date('2026-12-07T04:20:00Z'),
        meetingUrl: 'https://meet.example/abc',
      },
      {
        id: '0c9bd3c4-6a55-4f8e-8d33-2b1b8e9f1c22',
        mode: 'chat',
        startsAt: new Date('2026-12-08T10:00:00Z'),
        endsAt: new Date('2026-12-08T10:30:00Z'),
        meetingUrl: null,
      },
    ],
    new Date('2026-11-28T00:00:00Z'),
  );

  it('is an RFC 5545 calendar with one VEVENT per session, in UTC', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('VERSION:2.0');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('DTSTART:20261207T033000Z');
    expect(text).toContain('DTEND:20261207T042000Z');
    expect(text).toContain('UID:7d0d1a52-1c5e-4c1d-9a40-7b8e1f5f3a10@haven');
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('summarises each session by mode and length only', () => {
    expect(text).toContain('SUMMARY:Haven session (video\\, 50 min)');
    expect(text).toContain('SUMMARY:Haven session (chat\\, 30 min)');
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|MAILTO/i);
  });

  it('an empty feed is still a valid calendar', () => {
    const empty = renderCalendar([], new Date());
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
