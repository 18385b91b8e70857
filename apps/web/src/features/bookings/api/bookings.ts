import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { type Booking, bookingKey, bookingsKey } from '@/lib/api/bookings';

export type { Booking };

/** One booking; while `poll` says so, it is re-read every 2 s (a webhook may confirm it any moment). */
export function useBooking(id: string, poll: (booking: Booking | undefined) => boolean = () => false) {
  return useQuery({
    queryKey: bookingKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/bookings/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (poll(query.state.data) ? 2_000 : false),
    staleTime: 0,
  });
}

/** The client's own bookings, by start time (the 100 most relevant is plenty for one person). */
export function useMyBookings() {
  return useQuery({
    queryKey: [...bookingsKey, 'mine'],
    queryFn: () => unwrap(api.GET('/api/v1/bookings', { params: { query: { role: 'client', limit: 100 } } })),
    staleTime: 0,
  });
}

function useBookingMutation<I>(call: (input: I) => Promise<Booking>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (booking) => {
      queryClient.setQueryData(bookingKey(booking.id), booking);
      void queryClient.invalidateQueries({ queryKey: [...bookingsKey, 'mine'] });
      void queryClient.invalidateQueries({ queryKey: ['counselors', booking.counselorId, 'slots'] });
    },
  });
}

export function useVerifyPayment(id: string) {
  return useBookingMutation((body: { razorpayOrderId: string; razorpayPaymentId: string; razorpaySignature: string }) =>
    unwrap(api.POST('/api/v1/bookings/{id}/payment/verify', { params: { path: { id } }, body })),
  );
}

export function useCancelBooking(id: string) {
  return useBookingMutation(({ reason, idempotencyKey }: { reason?: string; idempotencyKey: string }) =>
    unwrap(
      api.POST('/api/v1/bookings/{id}/cancel', {
        params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
        body: reason ? { reason } : {},
      }),
    ),
  );
}

export function useRescheduleBooking(id: string) {
  return useBookingMutation(({ startsAt, idempotencyKey }: { startsAt: string; idempotencyKey: string }) =>
    unwrap(
      api.POST('/api/v1/bookings/{id}/reschedule', {
        params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
        body: { startsAt },
      }),
    ),
  );
}

export function useReviewBooking(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; comment?: string }) =>
      unwrap(api.POST('/api/v1/bookings/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['counselors'] }),
  });
}
