import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

export type Counselor = components['schemas']['CounselorDto'];
export type Offering = components['schemas']['OfferingDto'];
export type SearchQuery = NonNullable<paths['/api/v1/counselors']['get']['parameters']['query']>;
export type OfferingMode = Offering['mode'];

export function useCounselorSearch(query: SearchQuery) {
  return useQuery({
    queryKey: ['counselors', 'search', query],
    queryFn: () => unwrap(api.GET('/api/v1/counselors', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSpecialties() {
  return useQuery({
    queryKey: ['specialties'],
    queryFn: () => unwrap(api.GET('/api/v1/specialties')),
    staleTime: 60 * 60_000,
  });
}

export function useCounselor(id: string, enabled = true) {
  return useQuery({
    queryKey: ['counselors', id],
    queryFn: () => unwrap(api.GET('/api/v1/counselors/{id}', { params: { path: { id } } })),
    enabled: enabled && id !== '',
  });
}

export function useReviews(counselorId: string) {
  return useQuery({
    queryKey: ['counselors', counselorId, 'reviews'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/counselors/{id}/reviews', { params: { path: { id: counselorId }, query: { limit: 10 } } }),
      ),
  });
}

/** Open slots of one offering over [from, to), as UTC instants. */
export function useSlots(counselorId: string, offeringId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['counselors', counselorId, 'slots', offeringId, from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/counselors/{id}/slots', {
          params: { path: { id: counselorId }, query: { offeringId: offeringId!, from, to } },
        }),
      ),
    enabled: Boolean(offeringId),
  });
}
