import { describe, expect, it } from 'vitest';
import { mayProceedBeforeCount } from './rate-limit-budget';

describe('answering before Redis has counted the request', () => {
  const now = Date.parse('2026-12-04T18:00:00.000Z');

  it('waits for the count from a client this replica has not heard of', () => {
    expect(mayProceedBeforeCount(undefined, 300, now)).toBe(false);
  });

  it('goes on at once while more than half the budget is left', () => {
    expect(mayProceedBeforeCount({ remaining: 151, resetsAt: now + 30_000 }, 300, now)).toBe(true);
    expect(mayProceedBeforeCount({ remaining: 4, resetsAt: now + 30_000 }, 6, now)).toBe(true);
  });

  it('waits for the count from half the budget down, and once the minute the figure was for has passed', () => {
    expect(mayProceedBeforeCount({ remaining: 150, resetsAt: now + 30_000 }, 300, now)).toBe(false);
    expect(mayProceedBeforeCount({ remaining: 3, resetsAt: now + 30_000 }, 6, now)).toBe(false);
    expect(mayProceedBeforeCount({ remaining: 299, resetsAt: now }, 300, now)).toBe(false);
  });
});
