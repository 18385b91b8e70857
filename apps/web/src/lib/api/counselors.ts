import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

// A counselor's public profile, its open slots and the specialty names: the directory's pages and
// the booking pages both read them.

export type Counselor = components['schemas']['CounselorDto'];
export type Offering = components['schemas']['OfferingDto'];

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
