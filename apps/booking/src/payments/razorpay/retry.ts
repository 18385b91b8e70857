import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Runs `operation` up to `policy.attempts` times while it fails with a retryable error, waiting
 * `baseDelayMs`, then twice that, … (at most `maxDelayMs`) with ±25 % jitter between tries.
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  isRetryable: (error: unknown) => boolean,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      await wait(backoffDelayMs(attempt, policy));
    }
  }
}

export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(delay * (0.75 + random() * 0.5));
}
