import { describe, expect, it } from 'vitest';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextRestart } from './supervisor';

const policy: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, stableAfterMs: 60_000 };

/** The delays of `count` crashes in a row, each after `uptimeMs` of running. */
function delays(count: number, uptimeMs: number): number[] {
  let crashes = 0;
  return Array.from({ length: count }, () => {
    const next = nextRestart(policy, crashes, uptimeMs);
    crashes = next.crashesInARow;
    return next.delayMs;
  });
}

describe('restart backoff', () => {
  it('waits 1 s after a first crash, then doubles with each crash in a row, up to 30 s', () => {
    expect(delays(8, 500)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('never exceeds the cap, however many crashes in a row', () => {
    expect(nextRestart(policy, 10_000, 0).delayMs).toBe(30_000);
  });

  it('starts again from 1 s when the app had stayed up for a minute before crashing', () => {
    expect(nextRestart(policy, 5, 60_000)).toEqual({ crashesInARow: 1, delayMs: 1000 });
    expect(nextRestart(policy, 5, 59_999)).toEqual({ crashesInARow: 6, delayMs: 30_000 });
  });

  it('is 1 s doubling to 30 s, reset after a minute up, by default', () => {
    expect(DEFAULT_BACKOFF).toEqual(policy);
  });
});
