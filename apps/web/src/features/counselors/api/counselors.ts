import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type SearchQuery = NonNullable<paths['/api/v1/counselors']['get']['parameters']['query']>;

export function useCounselorSearch(query: SearchQuery) {
  return useQuery({
    queryKey: ['counselors', 'search', query],
    queryFn: () => unwrap(api.GET('/api/v1/counselors', { params: { query } })),
    placeholderData: keepPreviousData,
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
