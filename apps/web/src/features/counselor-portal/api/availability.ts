import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Availability = components['schemas']['AvailabilityResponseDto'];
export type AvailabilityInput = components['schemas']['AvailabilityDto'];
export type TimeOff = components['schemas']['TimeOffResponseDto'];
export type NewTimeOff = components['schemas']['CreateTimeOffDto'];

const availabilityKey = ['counselor', 'availability'] as const;
const timeOffKey = ['counselor', 'time-off'] as const;

export function useAvailability() {
  return useQuery({
    queryKey: availabilityKey,
    queryFn: () => unwrap(api.GET('/api/v1/counselor/availability')),
  });
}

export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilityInput) => unwrap(api.PUT('/api/v1/counselor/availability', { body })),
    onSuccess: (saved) => queryClient.setQueryData(availabilityKey, saved),
  });
}

/** Time off that has not ended yet, soonest first. */
export function useUpcomingTimeOff() {
  return useQuery({
    queryKey: timeOffKey,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/counselor/time-off', { params: { query: { from: new Date().toISOString(), limit: 100 } } }),
      ),
  });
}

export function useCreateTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTimeOff) => unwrap(api.POST('/api/v1/counselor/time-off', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timeOffKey }),
  });
}

export function useDeleteTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/counselor/time-off/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timeOffKey }),
  });
}
