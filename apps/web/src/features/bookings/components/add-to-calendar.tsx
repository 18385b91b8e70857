import type { Booking } from '../api/bookings';
import { bookingIcs } from '../utils/ics';

/** Downloads the session as an .ics file any calendar app opens. */
export function AddToCalendar({ booking, counselorName }: { booking: Booking; counselorName: string }) {
  const ics = bookingIcs({
    uid: booking.id,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    title: `Counseling session with ${counselorName}`,
    description: `Your Haven session.${booking.meetingUrl ? ` Join: ${booking.meetingUrl}` : ''} In crisis? Tele-MANAS 14416 (free, 24x7).`,
    url: booking.meetingUrl,
  });
  return (
    <a
      className="button button-secondary"
      href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`}
      download={`haven-session-${booking.startsAt.slice(0, 10)}.ics`}
    >
      Add to calendar
    </a>
  );
}
