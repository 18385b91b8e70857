import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type PublicProfile = components['schemas']['CounselorDto'];
export type ProfileChanges = components['schemas']['UpdateProfileDto'];

/**
 * The counselor's profile as the public sees it, or null while it is not public (suspended or the
 * account deactivated: the directory answers 404).
 */
export function useOwnPublicProfile(counselorId: string | undefined) {
  return useQuery({
    queryKey: ['counselors', counselorId],
    queryFn: async (): Promise<PublicProfile | null> => {
      try {
        return await unwrap(api.GET('/api/v1/counselors/{id}', { params: { path: { id: counselorId! } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(counselorId),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChanges) => unwrap(api.PATCH('/api/v1/counselor/profile', { body })),
    onSuccess: (profile) => queryClient.setQueryData(['counselors', profile.id], profile),
  });
}
