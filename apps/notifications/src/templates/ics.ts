import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { NotificationInput } from './notification-input';

export interface CalendarAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The calendar invitation a booking mail carries: a REQUEST on confirmation and reschedule (the
 * same UID with a higher SEQUENCE moves the event), a CANCEL on cancellation. Other mails carry none.
 */
export function sessionInvite(input: NotificationInput): CalendarAttachment | null {
  if (
    input.type !== 'booking.confirmed' &&
    input.type !== 'booking.rescheduled' &&
    input.type !== 'booking.cancelled'
  ) {
    return null;
  }
  const method = input.type === 'booking.cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const { session } = input;
  const who = input.role === 'client' ? ` with ${session.counselorName}` : '';
  const calendar = ical({ prodId: { company: 'Haven', product: 'Sessions', language: 'EN' }, method });
  calendar.createEvent({
    id: `${session.bookingId}@haven`,
    sequence: input.icsSequence,
    start: new Date(session.startsAt),
    end: new Date(session.endsAt),
    stamp: new Date(input.icsSequence * 1000),
    summary: `Haven: ${session.offeringTitle}${who}`,
    description: session.meetingUrl ? `Join: ${session.meetingUrl}` : 'Haven session',
    ...(session.meetingUrl && method === ICalCalendarMethod.REQUEST ? { url: session.meetingUrl } : {}),
    status: method === ICalCalendarMethod.CANCEL ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return {
    filename: method === ICalCalendarMethod.CANCEL ? 'haven-session-cancelled.ics' : 'haven-session.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendar.toString(),
  };
}
