/**
 * The session's tokens, in memory only: nothing is written to localStorage or sessionStorage, so a
 * reload signs the user out. (The HttpOnly refresh cookie the gateway will set replaces `refresh`.)
 */
let accessToken: string | null = null;
let refreshToken: string | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokens = {
  access: (): string | null => accessToken,
  refresh: (): string | null => refreshToken,
  set(next: { accessToken: string; refreshToken: string }): void {
    accessToken = next.accessToken;
    refreshToken = next.refreshToken;
    notify();
  },
  clear(): void {
    accessToken = null;
    refreshToken = null;
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
