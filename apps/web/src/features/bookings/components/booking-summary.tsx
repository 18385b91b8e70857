import { useCounselor } from '@/lib/api/counselors';
import { formatDateTime, formatRupees, formatTime, shortZoneName, timeZoneLabel } from '@/lib/format';
import type { Booking } from '../api/bookings';

export const MODE_LABELS = { video: 'Video call', audio: 'Phone call', chat: 'Chat' } as const;

export const STATUS_LABELS: Record<Booking['status'], string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  expired: 'Hold expired',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'Missed',
};

/** The counselor's public name and the session's title, when the counselor is still listed. */
export function useBookingNames(booking: Booking | undefined) {
  const counselor = useCounselor(booking?.counselorId ?? '', Boolean(booking));
  const offering = counselor.data?.offerings.find((o) => o.id === booking?.offeringId);
  return {
    // While the profile loads, no placeholder name: a wrong one would flash first.
    counselorName: counselor.isPending ? '' : (counselor.data?.displayName ?? 'Your counselor'),
    offering,
    title: offering?.title ?? (booking ? `${MODE_LABELS[booking.mode]} session` : 'Session'),
  };
}

/** When, with whom, how and for how much, times in the viewer's zone with the zone named. */
export function BookingSummary({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const { counselorName, title } = useBookingNames(booking);
  const minutes = Math.round((new Date(booking.endsAt).getTime() - new Date(booking.startsAt).getTime()) / 60_000);
  return (
    <dl className="summary">
      <dt>With</dt>
      <dd>{counselorName ? `${counselorName} · ${title}` : title}</dd>
      <dt>When</dt>
      <dd>
        <time dateTime={booking.startsAt}>{formatDateTime(booking.startsAt, timeZone)}</time> –{' '}
        <time dateTime={booking.endsAt}>{formatTime(booking.endsAt, timeZone)}</time>{' '}
        <abbr title={timeZoneLabel(timeZone, new Date(booking.startsAt))}>
          {shortZoneName(timeZone, new Date(booking.startsAt))}
        </abbr>{' '}
        ({minutes} min)
      </dd>
      <dt>How</dt>
      <dd>{MODE_LABELS[booking.mode]}</dd>
      <dt>Price</dt>
      <dd>{booking.pricePaise === 0 ? 'Free' : formatRupees(booking.pricePaise)}</dd>
      <dt>Status</dt>
      <dd>
        <span className={`status status-${booking.status}`}>{STATUS_LABELS[booking.status]}</span>
      </dd>
    </dl>
  );
}
