import { Link, useSearchParams } from 'react-router';
import { Empty, QueryView } from '@/components/status';
import { formatDateTime, formatRupees, shortZoneName, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type Booking, useMyBookings } from '../api/bookings';
import { STATUS_LABELS, useBookingNames } from '../components/booking-summary';
import { isUpcoming } from '../utils/terms';

export function MyBookingsRoute() {
  usePageTitle('My bookings');
  const [params, setParams] = useSearchParams();
  const showPast = params.get('show') === 'past';
  const bookings = useMyBookings();
  const timeZone = viewerTimeZone();
  const now = new Date();
  const items = (bookings.data?.items ?? []).filter((b) => isUpcoming(b, now) !== showPast);
  // Past sessions: the most recent first.
  if (showPast) items.reverse();

  return (
    <section>
      <h1>My bookings</h1>
      <div className="tabs" role="group" aria-label="Which bookings">
        <button type="button" aria-pressed={!showPast} onClick={() => setParams({}, { replace: true })}>
          Upcoming
        </button>
        <button type="button" aria-pressed={showPast} onClick={() => setParams({ show: 'past' }, { replace: true })}>
          Past and cancelled
        </button>
      </div>
      <p className="zone-note">
        Times in {shortZoneName(timeZone)} ({timeZone})
      </p>
      <QueryView query={bookings} loading="Loading your bookings…">
        {() =>
          items.length === 0 ? (
            <Empty>
              {showPast ? 'No past bookings yet.' : 'Nothing booked yet. '}
              {!showPast && <Link to="/">Find a counselor</Link>}
            </Empty>
          ) : (
            <ul className="stack">
              {items.map((b) => (
                <BookingCard key={b.id} booking={b} timeZone={timeZone} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function BookingCard({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const { counselorName, title } = useBookingNames(booking);
  return (
    <li className="card booking-card">
      <h2 className="card-title">
        <Link to={`/bookings/${booking.id}`}>
          <time dateTime={booking.startsAt}>{formatDateTime(booking.startsAt, timeZone)}</time>
        </Link>
      </h2>
      <p>{counselorName ? `${counselorName} · ${title}` : title}</p>
      <p className="card-meta">
        <span className={`status status-${booking.status}`}>{STATUS_LABELS[booking.status]}</span>
        <span>{booking.pricePaise === 0 ? 'Free' : formatRupees(booking.pricePaise)}</span>
        {booking.refund && <span>Refund {formatRupees(booking.refund.amountPaise)}</span>}
      </p>
    </li>
  );
}
