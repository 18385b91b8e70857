import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CrisisNote } from '@/components/crisis-line';
import { ErrorNotice, Loading } from '@/components/status';
import { ApiError } from '@/lib/api/client';
import { formatRupees, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type Booking, useBooking, useVerifyPayment } from '../api/bookings';
import { AddToCalendar } from '../components/add-to-calendar';
import { BookingSummary, useBookingNames } from '../components/booking-summary';
import { CancelPanel } from '../components/cancel-panel';
import { HoldCountdown } from '../components/hold-countdown';
import { PayButton } from '../components/pay-button';
import { ReschedulePanel } from '../components/reschedule-panel';
import { ReviewForm } from '../components/review-form';

const HEADINGS: Record<Booking['status'], string> = {
  pending_payment: 'Complete your payment',
  confirmed: 'You’re booked',
  expired: 'This hold has expired',
  cancelled: 'Booking cancelled',
  completed: 'Session completed',
  no_show: 'Session missed',
};

const REFUND_STATUS = { pending: 'on its way', processed: 'sent', failed: 'delayed: our team is on it' } as const;

/** What Checkout hands back (the sandbox page adds it to the return URL). */
function checkoutResult(params: URLSearchParams) {
  const razorpayPaymentId = params.get('razorpay_payment_id');
  const razorpayOrderId = params.get('razorpay_order_id');
  const razorpaySignature = params.get('razorpay_signature');
  return razorpayPaymentId && razorpayOrderId && razorpaySignature
    ? { razorpayPaymentId, razorpayOrderId, razorpaySignature }
    : null;
}

export function BookingRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const verify = useVerifyPayment(id);
  const [returned] = useState(() => checkoutResult(params));
  // While unpaid, keep reading: the payment's webhook may confirm the booking before or without verify.
  const booking = useBooking(id, (b) => b?.status === 'pending_payment');
  const timeZone = viewerTimeZone();
  const names = useBookingNames(booking.data);
  usePageTitle(booking.data ? HEADINGS[booking.data.status] : 'Your booking');

  // Back from the checkout page: hand its result to the API once, then drop it from the address.
  const verifying = useRef(false);
  useEffect(() => {
    if (!returned || verifying.current) return;
    verifying.current = true;
    verify.mutate(returned, { onSettled: () => void navigate(`/bookings/${id}`, { replace: true }) });
  }, [id, navigate, verify, returned]);

  if (booking.isPending) return <Loading label="Loading your booking…" />;
  if (booking.isError)
    return (
      <section>
        <h1>Your booking</h1>
        <ErrorNotice error={booking.error} onRetry={() => void booking.refetch()} />
        <p>
          <Link to="/bookings">All my bookings</Link>
        </p>
      </section>
    );

  const b = booking.data;
  const confirming = b.status === 'pending_payment' && (verify.isPending || returned !== null);
  return (
    <section className="booking">
      <p>
        <Link to="/bookings">← My bookings</Link>
      </p>
      <h1>{HEADINGS[b.status]}</h1>
      <BookingSummary booking={b} timeZone={timeZone} />

      {b.status === 'pending_payment' && (
        <>
          {confirming && !verify.isError ? (
            <p role="status" className="notice">
              Confirming your payment…
            </p>
          ) : (
            <>
              {verify.isError && (
                <p className="notice notice-error" role="alert">
                  {verify.error instanceof ApiError
                    ? `We could not confirm that payment: ${verify.error.message}`
                    : 'We could not confirm that payment yet.'}{' '}
                  If money left your account, it is confirmed or refunded automatically.
                </p>
              )}
              {b.expiresAt && <HoldCountdown expiresAt={b.expiresAt} onExpired={() => void booking.refetch()} />}
              <div className="actions">
                <PayButton booking={b} onPaid={(result) => verify.mutate(result)} />
                <CancelPanel booking={b} timeZone={timeZone} />
              </div>
            </>
          )}
        </>
      )}

      {b.status === 'confirmed' && (
        <>
          <p role="status" className="notice notice-success">
            {b.pricePaise === 0 ? 'Your free session is booked.' : 'Payment received: your session is booked.'} A
            confirmation is on its way to your inbox.
          </p>
          {b.meetingUrl && (
            <div className="meeting">
              <a className="button" href={b.meetingUrl} target="_blank" rel="noopener noreferrer">
                Join the session<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
              <p className="muted break-all">{b.meetingUrl}</p>
            </div>
          )}
          <div className="actions">
            <AddToCalendar booking={b} counselorName={names.counselorName} />
            {b.pricePaise > 0 && (
              <Link className="button button-secondary" to={`/bookings/${b.id}/receipt`}>
                Receipt
              </Link>
            )}
          </div>
          <ReschedulePanel booking={b} offering={names.offering} timeZone={timeZone} />
          <CancelPanel booking={b} timeZone={timeZone} />
        </>
      )}

      {b.status === 'expired' && (
        <p>
          The time was released because the payment did not arrive in time. Nothing was charged.{' '}
          <Link to={`/counselors/${b.counselorId}`}>Choose another time</Link>.
        </p>
      )}

      {b.status === 'cancelled' && (
        <>
          <p>
            Cancelled
            {b.cancelledBy && b.cancelledBy !== 'client'
              ? ` by ${b.cancelledBy === 'counselor' ? 'your counselor' : 'Haven'}`
              : ''}
            .{b.cancelReason ? ` Reason: ${b.cancelReason}` : ''}
          </p>
          {b.refund ? (
            <p className="refund">
              Refund: <strong>{formatRupees(b.refund.amountPaise)}</strong>, {REFUND_STATUS[b.refund.status]}.
            </p>
          ) : (
            b.pricePaise > 0 && <p className="refund">No refund was due.</p>
          )}
          {b.pricePaise > 0 && <Link to={`/bookings/${b.id}/receipt`}>Receipt</Link>}
        </>
      )}

      {b.status === 'completed' && (
        <>
          <ReviewForm bookingId={b.id} />
          {b.pricePaise > 0 && (
            <p>
              <Link to={`/bookings/${b.id}/receipt`}>Receipt</Link>
            </p>
          )}
        </>
      )}

      <CrisisNote />
    </section>
  );
}
