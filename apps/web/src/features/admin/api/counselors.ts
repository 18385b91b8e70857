import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '@/lib/api/client';

/**
 * Whether the counselor is public (listed and bookable) right now. The directory shows only active
 * counselors, so a 404 means suspended or the account deactivated.
 */
export function useCounselorListed(counselorId: string) {
  return useQuery({
    queryKey: ['counselors', counselorId],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/counselors/{id}', { params: { path: { id: counselorId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Suspend (their future bookings are cancelled and refunded in full) or reinstate a counselor. */
export function useCounselorStanding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'suspend' | 'reinstate'; reason?: string }) => {
      const params = { path: { id } };
      return action === 'suspend'
        ? unwrap(api.POST('/api/v1/admin/counselors/{id}/suspend', { params, body: { reason: reason ?? '' } }))
        : unwrap(api.POST('/api/v1/admin/counselors/{id}/reinstate', { params, body: reason ? { reason } : {} }));
    },
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: ['counselors', id] }),
  });
}
