import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Application = components['schemas']['ApplicationDto'];
export type ApplicationStatus = Application['status'];
export type Decision = 'approve' | 'request-changes' | 'reject';

const applicationsKey = ['admin', 'applications'] as const;

export function useApplications(status: ApplicationStatus, page: number) {
  return useQuery({
    queryKey: [...applicationsKey, status, page],
    queryFn: () =>
      unwrap(api.GET('/api/v1/admin/counselor-applications', { params: { query: { status, page, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

/** Approve (note optional), request changes or reject (reason required) an application. */
export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, text }: { id: string; decision: Decision; text: string }) => {
      const params = { path: { id } };
      if (decision === 'approve')
        return unwrap(
          api.POST('/api/v1/admin/counselor-applications/{id}/approve', { params, body: text ? { note: text } : {} }),
        );
      if (decision === 'reject')
        return unwrap(api.POST('/api/v1/admin/counselor-applications/{id}/reject', { params, body: { reason: text } }));
      return unwrap(
        api.POST('/api/v1/admin/counselor-applications/{id}/request-changes', { params, body: { reason: text } }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationsKey }),
  });
}
