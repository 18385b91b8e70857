import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export function useEarnings(period: string) {
  return useQuery({
    queryKey: ['earnings', period],
    queryFn: () => unwrap(api.GET('/api/v1/counselor/earnings', { params: { query: { period } } })),
  });
}
