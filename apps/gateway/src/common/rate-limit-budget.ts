/** What one gateway replica last heard from Redis about a client's budget for the current minute. */
export interface KnownBudget {
  remaining: number;
  /** When that minute's budget resets (ms since the epoch). */
  resetsAt: number;
}

/**
 * Whether a request may go on before Redis has counted it: only when this replica's latest word from
 * Redis left the client more than half its budget, so neither a burst nor the other replicas' share
 * can take it past the limit before the count comes back. Every request is still counted in Redis;
 * near the limit each one waits for that count.
 */
export function mayProceedBeforeCount(known: KnownBudget | undefined, pointsPerMinute: number, now: number): boolean {
  return known !== undefined && known.resetsAt > now && known.remaining > pointsPerMinute / 2;
}
