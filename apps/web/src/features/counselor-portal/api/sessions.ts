import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Session = components['schemas']['BookingDto'];

const sessionsKey = ['counselor', 'sessions'] as const;

/** The counselor's bookings that start in [from, to). */
export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: [...sessionsKey, from, to],
    queryFn: () => unwrap(api.GET('/api/v1/counselor/bookings', { params: { query: { from, to, limit: 100 } } })),
    placeholderData: keepPreviousData,
  });
}

export type SessionAction = 'complete' | 'no-show' | 'cancel';

/** Marks a session completed or a no-show, or cancels it (the client is refunded in full). */
export function useSessionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: SessionAction; reason?: string }) => {
      const params = { path: { id } };
      if (action === 'complete') return unwrap(api.POST('/api/v1/bookings/{id}/complete', { params }));
      if (action === 'no-show') return unwrap(api.POST('/api/v1/bookings/{id}/no-show', { params }));
      return unwrap(
        api.POST('/api/v1/bookings/{id}/cancel', {
          params: { ...params, header: { 'idempotency-key': crypto.randomUUID() } },
          body: reason ? { reason } : {},
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: ['counselor', 'calendar-feed'],
    queryFn: () => unwrap(api.GET('/api/v1/counselor/calendar-feed')),
  });
}

/** A new secret feed URL; the old one stops working. */
export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/counselor/calendar-feed/rotate')),
    onSuccess: (feed) => queryClient.setQueryData(['counselor', 'calendar-feed'], feed),
  });
}
