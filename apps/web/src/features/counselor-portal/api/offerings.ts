import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Offering = components['schemas']['OfferingDto'];
export type NewOffering = components['schemas']['CreateOfferingDto'];
export type OfferingChanges = components['schemas']['UpdateOfferingDto'];

const offeringsKey = ['counselor', 'offerings'] as const;

/** All of the counselor's offerings, inactive ones included. */
export function useMyOfferings() {
  return useQuery({
    queryKey: offeringsKey,
    queryFn: () => unwrap(api.GET('/api/v1/counselor/offerings')),
  });
}

export function useCreateOffering() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOffering) => unwrap(api.POST('/api/v1/counselor/offerings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: offeringsKey }),
  });
}

export function useUpdateOffering() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: OfferingChanges }) =>
      unwrap(api.PATCH('/api/v1/counselor/offerings/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: offeringsKey }),
  });
}
