import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, renewSession, unwrap } from './api/client';
import { type SessionStatus, tokens } from './tokens';

/** 'restoring' until the first refresh through the cookie has answered (once per page load). */
export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(tokens.subscribe, tokens.status);
}

/** True while this tab holds a session. */
export function useSignedIn(): boolean {
  return useSessionStatus() === 'signed-in';
}

let restoring: Promise<unknown> | null = null;

/** On load, a refresh cookie (if the browser has one) signs this tab back in: deep links survive a reload. */
export function restoreSession(): Promise<unknown> {
  restoring ??= renewSession();
  return restoring;
}

export const meQueryKey = ['me'] as const;

/** The signed-in user, or undefined when signed out. */
export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });
}

/** Whether the signed-in user holds a role (false while loading or signed out). */
export function useHasRole(role: 'client' | 'counselor' | 'finance' | 'admin'): boolean {
  const me = useMe();
  return Boolean(me.data?.roles.includes(role));
}
