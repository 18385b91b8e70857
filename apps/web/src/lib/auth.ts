import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, unwrap } from './api/client';
import { tokens } from './tokens';

/** True while this tab holds a session (tokens live in memory only). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(tokens.subscribe, () => tokens.access() !== null);
}

export const meQueryKey = ['me'] as const;

/** The signed-in user, or undefined when signed out. */
export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: signedIn,
  });
}
