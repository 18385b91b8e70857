import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth';
import { tokens } from '@/lib/tokens';

export type RegisterInput = components['schemas']['RegisterDto'];
export type LoginInput = components['schemas']['LoginDto'];

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (session) => {
      tokens.set(session);
      queryClient.setQueryData(meQueryKey, session.user);
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) => unwrap(api.POST('/api/v1/auth/register', { body })),
    onSuccess: (session) => {
      tokens.set(session);
      queryClient.setQueryData(meQueryKey, session.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const refreshToken = tokens.refresh();
      // Revoke server-side when we can; signing out locally must not depend on it.
      if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    },
    onSettled: () => {
      tokens.clear();
      queryClient.removeQueries({ queryKey: meQueryKey });
    },
  });
}
