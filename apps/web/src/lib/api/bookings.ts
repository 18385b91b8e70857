import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

// A booking's place in the query cache and its creation: the counselor page books, the bookings
// pages show what was booked.

export type Booking = components['schemas']['BookingDto'];

export const bookingsKey = ['bookings'] as const;
export const bookingKey = (id: string) => [...bookingsKey, id] as const;

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: { offeringId: string; startsAt: string; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/bookings', { body, params: { header: { 'idempotency-key': idempotencyKey } } })),
    onSuccess: (booking) => {
      queryClient.setQueryData(bookingKey(booking.id), booking);
      void queryClient.invalidateQueries({ queryKey: [...bookingsKey, 'mine'] });
    },
  });
}
