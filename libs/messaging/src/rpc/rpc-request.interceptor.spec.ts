import { describe, expect, it } from 'vitest';
import { callerHasGivenUp } from './rpc-request.interceptor';

describe('callerHasGivenUp', () => {
  const now = 1_764_800_000_000;

  it('is true once the deadline has passed', () => {
    expect(callerHasGivenUp(now - 1, now)).toBe(true);
    expect(callerHasGivenUp(now, now)).toBe(true);
  });

  it('is false before the deadline', () => {
    expect(callerHasGivenUp(now + 1, now)).toBe(false);
  });

  it('executes a request that carries no usable deadline (an older caller)', () => {
    expect(callerHasGivenUp(undefined, now)).toBe(false);
    expect(callerHasGivenUp('soon', now)).toBe(false);
    expect(callerHasGivenUp(Number.NaN, now)).toBe(false);
  });
});
