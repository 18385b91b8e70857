import { useId, useRef, useState } from 'react';
import { FormError } from '@/components/field';
import { ApiError } from '@/lib/api/client';
import { formatDateTime, formatRupees } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { type Booking, useCancelBooking } from '../api/bookings';
import { refundIfCancelledAt } from '../utils/terms';

/** Cancelling asks once more, saying first what comes back and until when that holds. */
export function CancelPanel({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const id = useId();
  const cancel = useCancelBooking(booking.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const idempotencyKey = useRef(newIdempotencyKey());
  const heading = useRef<HTMLHeadingElement>(null);

  if (!open) {
    return (
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => heading.current?.focus());
        }}
      >
        {booking.status === 'pending_payment' ? 'Release this time' : 'Cancel booking'}
      </button>
    );
  }

  const refund = refundIfCancelledAt(booking, new Date());
  const terms = booking.clientTerms;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Cancel this booking?
      </h2>
      <p className="refund-preview">
        {booking.status === 'pending_payment' ? (
          'You have not paid, so nothing is charged. The time goes back to others.'
        ) : booking.pricePaise === 0 ? (
          'This session was free: nothing to refund.'
        ) : refund.rule === 'full' ? (
          <>
            You will get <strong>{formatRupees(refund.amountPaise)}</strong> back, the full amount.
          </>
        ) : refund.rule === 'partial' ? (
          <>
            You will get <strong>{formatRupees(refund.amountPaise)}</strong> back of the{' '}
            {formatRupees(booking.pricePaise)} you paid.
          </>
        ) : (
          <>
            <strong>No refund</strong>: the session starts too soon.
          </>
        )}
      </p>
      {terms && booking.pricePaise > 0 && (
        <p className="muted">
          Policy: full refund until {formatDateTime(terms.fullRefundBefore, timeZone)};{' '}
          {formatRupees(terms.partialRefundPaise)} until {formatDateTime(terms.partialRefundBefore, timeZone)}; none
          after that. Refunds reach your account in 5–7 working days.
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          cancel.mutate({ reason: reason.trim() || undefined, idempotencyKey: idempotencyKey.current });
        }}
      >
        {cancel.isError && (
          <FormError
            message={
              cancel.error instanceof ApiError ? cancel.error.message : 'Could not reach Haven. Please try again.'
            }
          />
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (optional, shared with your counselor)</label>
          <textarea id={`${id}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Keep it
          </button>
        </div>
      </form>
    </section>
  );
}
