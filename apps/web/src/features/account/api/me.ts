import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth';

export type UpdateMeInput = components['schemas']['UpdateMeDto'];

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeInput) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
