import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '@/components/status';
import { useMe } from '@/lib/auth';
import { formatDateTime, formatRupees, timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { useBooking } from '../api/bookings';
import { MODE_LABELS, STATUS_LABELS, useBookingNames } from '../components/booking-summary';

/** A printable receipt: what was bought, paid and refunded. */
export function ReceiptRoute() {
  usePageTitle('Receipt');
  const { id = '' } = useParams();
  const booking = useBooking(id);
  const me = useMe();
  const names = useBookingNames(booking.data);
  const timeZone = viewerTimeZone();

  if (booking.isPending) return <Loading label="Loading your receipt…" />;
  if (booking.isError) return <ErrorNotice error={booking.error} onRetry={() => void booking.refetch()} />;
  const b = booking.data;
  const paid = b.status !== 'pending_payment' && b.status !== 'expired';
  const refunded = b.refund?.amountPaise ?? 0;

  return (
    <article className="receipt">
      <p className="no-print">
        <Link to={`/bookings/${b.id}`}>← Back to the booking</Link>
      </p>
      <h1>Receipt</h1>
      <p className="muted">Haven · counseling sessions · India</p>
      <dl className="summary">
        <dt>Receipt for</dt>
        <dd>{me.data ? `${me.data.name} (${me.data.email})` : '—'}</dd>
        <dt>Booking</dt>
        <dd className="break-all">{b.id}</dd>
        <dt>Booked on</dt>
        <dd>{formatDateTime(b.createdAt, timeZone)}</dd>
        <dt>Session</dt>
        <dd>
          {names.title} with {names.counselorName}, {MODE_LABELS[b.mode].toLowerCase()},{' '}
          {formatDateTime(b.startsAt, timeZone)}
        </dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[b.status]}</dd>
        {b.payment && (
          <>
            <dt>Razorpay order</dt>
            <dd className="break-all">{b.payment.orderId}</dd>
          </>
        )}
      </dl>
      <table className="amounts">
        <caption className="visually-hidden">Amounts</caption>
        <tbody>
          <tr>
            <th scope="row">Session price (all taxes included)</th>
            <td>{formatRupees(b.pricePaise)}</td>
          </tr>
          <tr>
            <th scope="row">Paid</th>
            <td>{formatRupees(paid ? b.pricePaise : 0)}</td>
          </tr>
          {b.refund && (
            <tr>
              <th scope="row">Refunded ({b.refund.status})</th>
              <td>−{formatRupees(refunded)}</td>
            </tr>
          )}
          <tr className="total">
            <th scope="row">Total</th>
            <td>{formatRupees(paid ? b.pricePaise - refunded : 0)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">Times in {timeZoneLabel(timeZone)}. Amounts in Indian rupees (INR).</p>
      <button type="button" className="button no-print" onClick={() => window.print()}>
        Print or save as PDF
      </button>
    </article>
  );
}
