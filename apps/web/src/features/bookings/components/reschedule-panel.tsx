import { useRef, useState } from 'react';
import { FormError } from '@/components/field';
import { SlotPicker } from '@/components/slot-picker';
import { ApiError } from '@/lib/api/client';
import type { Offering } from '@/lib/api/counselors';
import { formatDateTime } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { type Booking, useRescheduleBooking } from '../api/bookings';
import { rescheduleWindow } from '../utils/terms';

/** Moving a booking once to another open time of the same session, while the policy allows. */
export function ReschedulePanel({
  booking,
  offering,
  timeZone,
}: {
  booking: Booking;
  offering: Offering | undefined;
  timeZone: string;
}) {
  const reschedule = useRescheduleBooking(booking.id);
  const [open, setOpen] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const window = rescheduleWindow(booking, new Date());

  if (booking.rescheduledFrom) {
    return <p className="muted">This booking was moved once already, so it cannot be moved again.</p>;
  }
  if (!window.allowed) {
    return window.before ? (
      <p className="muted">
        A session can be moved until {formatDateTime(window.before, timeZone)}; that time has passed.
      </p>
    ) : null;
  }
  // The session's offering (from the counselor's profile) is still loading, or no longer listed.
  if (!offering) return null;
  if (!open) {
    return (
      <div>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Change time
        </button>
        <p className="muted">You can move it once, free, until {formatDateTime(window.before!, timeZone)}.</p>
      </div>
    );
  }
  return (
    <section className="panel" aria-label="Choose a new time">
      <h2>Choose a new time</h2>
      <p className="muted">Once only, free, until {formatDateTime(window.before!, timeZone)}.</p>
      {reschedule.isError && (
        <FormError
          message={
            reschedule.error instanceof ApiError ? reschedule.error.message : 'Could not reach Haven. Please try again.'
          }
        />
      )}
      <SlotPicker
        counselorId={booking.counselorId}
        offering={offering}
        timeZone={timeZone}
        action={(chosen) => (
          <>
            <button
              type="button"
              className="button"
              disabled={!chosen || reschedule.isPending}
              onClick={() => chosen && reschedule.mutate({ startsAt: chosen, idempotencyKey: idempotencyKey.current })}
            >
              {reschedule.isPending ? 'Moving…' : 'Move to this time'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              Keep the current time
            </button>
          </>
        )}
      />
    </section>
  );
}
