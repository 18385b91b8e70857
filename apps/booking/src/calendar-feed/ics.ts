import type { OfferingMode } from '@haven/contracts';
import ical, { ICalEventStatus } from 'ical-generator';

export interface FeedSession {
  id: string;
  mode: OfferingMode;
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string | null;
}

/**
 * A counselor's sessions as an RFC 5545 calendar. Deliberately nothing about the client: no name,
 * e-mail or phone, only the session's mode, length and meeting link.
 */
export function renderCalendar(sessions: readonly FeedSession[], generatedAt: Date): string {
  const calendar = ical({
    name: 'Haven sessions',
    description: 'Your confirmed Haven sessions',
    prodId: { company: 'Haven', product: 'Counselor calendar', language: 'EN' },
    ttl: 15 * 60,
  });
  for (const session of sessions) {
    const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
    calendar.createEvent({
      id: `${session.id}@haven`,
      start: session.startsAt,
      end: session.endsAt,
      stamp: generatedAt,
      summary: `Haven session (${session.mode}, ${minutes} min)`,
      description: session.meetingUrl ? `Join: ${session.meetingUrl}` : 'Haven session',
      ...(session.meetingUrl ? { url: session.meetingUrl } : {}),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
