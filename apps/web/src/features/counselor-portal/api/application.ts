import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Application = components['schemas']['ApplicationDto'];
export type ApplicationInput = components['schemas']['CreateApplicationDto'];

const applicationKey = ['counselor-application', 'mine'] as const;

/** The signed-in user's application, or null when they never applied (the API answers 404). */
export function useMyApplication() {
  return useQuery({
    queryKey: applicationKey,
    queryFn: async (): Promise<Application | null> => {
      try {
        return await unwrap(api.GET('/api/v1/counselor-applications/mine'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInput) => unwrap(api.POST('/api/v1/counselor-applications', { body })),
    onSuccess: (application) => queryClient.setQueryData(applicationKey, application),
  });
}

/** Sends the fixed application back for review (allowed while changes are requested). */
export function useResubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInput) => unwrap(api.PATCH('/api/v1/counselor-applications/mine', { body })),
    onSuccess: (application) => queryClient.setQueryData(applicationKey, application),
  });
}
