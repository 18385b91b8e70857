import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth';
import { tokens } from '@/lib/tokens';

export type RegisterInput = components['schemas']['RegisterDto'];
export type LoginInput = components['schemas']['LoginDto'];

// The gateway also sets the refresh cookie on these answers; the body's refreshToken is left unused.

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
    // The gateway ends the cookie's session and clears the cookie; signing out here must not depend on it.
    mutationFn: () => api.POST('/api/v1/auth/logout', { body: {} }).catch(() => undefined),
    onSettled: () => {
      tokens.clear();
      queryClient.clear();
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => unwrap(api.POST('/api/v1/auth/password-reset/request', { body })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}
