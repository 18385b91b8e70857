import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

export type User = components['schemas']['UserDto'];
export type UserQuery = NonNullable<paths['/api/v1/admin/users']['get']['parameters']['query']>;
export type UserChanges = components['schemas']['UpdateUserDto'];
export type AuditQuery = NonNullable<paths['/api/v1/admin/audit-log']['get']['parameters']['query']>;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query: { limit: 20, ...query } } })),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['admin', 'audit-log', query],
    queryFn: () => unwrap(api.GET('/api/v1/admin/audit-log', { params: { query: { limit: 30, ...query } } })),
    placeholderData: keepPreviousData,
  });
}
