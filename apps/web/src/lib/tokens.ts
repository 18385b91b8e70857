/**
 * The session's access token, in memory only: nothing is written to localStorage or
 * sessionStorage. The refresh token never reaches JavaScript: the gateway keeps it in an HttpOnly,
 * SameSite=Strict cookie that only /api/v1/auth requests carry (see lib/session.ts).
 */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

let accessToken: string | null = null;
let status: SessionStatus = 'restoring';
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokens = {
  access: (): string | null => accessToken,
  status: (): SessionStatus => status,
  set(next: { accessToken: string }): void {
    accessToken = next.accessToken;
    status = 'signed-in';
    notify();
  },
  clear(): void {
    accessToken = null;
    status = 'signed-out';
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
