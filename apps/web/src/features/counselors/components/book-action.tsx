import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormError } from '@/components/field';
import { useCreateBooking } from '@/lib/api/bookings';
import { ApiError } from '@/lib/api/client';
import type { Offering } from '@/lib/api/counselors';
import { useSessionStatus } from '@/lib/auth';
import { formatRupees } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Could not reach Haven. Check your connection and try again.';
  if (error.status === 409) return 'Someone has just taken this time. Please choose another.';
  return error.message;
}

/** Books the chosen start: a free session is confirmed at once, a paid one is held while you pay. */
export function BookAction({
  counselorId,
  offering,
  chosen,
}: {
  counselorId: string;
  offering: Offering;
  chosen: string | null;
}) {
  const status = useSessionStatus();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateBooking();
  // One key per chosen time: tapping twice, or retrying after a lost answer, books once.
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [chosen]); // eslint-disable-line react-hooks/exhaustive-deps

  if (status !== 'signed-in') {
    return (
      <Link className="button" to={`/login?next=${encodeURIComponent(`/counselors/${counselorId}`)}`}>
        Sign in to book
      </Link>
    );
  }
  const free = offering.pricePaise === 0;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={!chosen || create.isPending}
        onClick={() => {
          if (!chosen) return;
          create.mutate(
            { offeringId: offering.id, startsAt: chosen, idempotencyKey },
            {
              onSuccess: (booking) => void navigate(`/bookings/${booking.id}`),
              onError: () => void queryClient.invalidateQueries({ queryKey: ['counselors', counselorId, 'slots'] }),
            },
          );
        }}
      >
        {create.isPending
          ? 'Booking…'
          : free
            ? 'Book free session'
            : `Book and pay ${formatRupees(offering.pricePaise)}`}
      </button>
      {!chosen && <p className="muted">Choose a time above.</p>}
      {create.isError && <FormError message={problemText(create.error)} />}
    </>
  );
}
