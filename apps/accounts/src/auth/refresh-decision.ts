export interface RefreshTokenState {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * What presenting a refresh token means:
 * - `unknown`: no such token;
 * - `revoked`: its family was ended (logout, reset, deactivation, detected reuse);
 * - `reuse`: it was already exchanged once, so someone replays it: end the whole family;
 * - `expired`: too old;
 * - `rotate`: valid: mark it used (guarded) and issue the next one of the family.
 */
export type RefreshDecision = 'unknown' | 'revoked' | 'reuse' | 'expired' | 'rotate';

export function decideRefresh(token: RefreshTokenState | null | undefined, now: Date): RefreshDecision {
  if (!token) return 'unknown';
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
