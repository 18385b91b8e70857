import { describe, expect, it } from 'vitest';
import { backoffDelayMs, withRetries } from './retry';

const policy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 250 };

describe('withRetries', () => {
  it('retries a retryable failure up to the number of attempts, with growing waits', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls += 1;
        throw new Error('down');
      },
      policy,
      () => true,
      async (ms) => waits.push(ms),
    );
    await expect(failing).rejects.toThrow('down');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[1]).toBeGreaterThan(waits[0] * 1.1);
  });

  it('returns the first success and does not retry errors that are not retryable', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 2) throw new Error('once');
        return 'ok';
      },
      policy,
      () => true,
      async () => undefined,
    );
    expect(result).toBe('ok');
    calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw new Error('bad request');
        },
        policy,
        () => false,
        async () => undefined,
      ),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base, caps at the maximum, and jitters by at most a quarter', () => {
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(100);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(200);
    expect(backoffDelayMs(5, policy, () => 0.5)).toBe(250);
    expect(backoffDelayMs(1, policy, () => 0)).toBe(75);
    expect(backoffDelayMs(1, policy, () => 0.999999)).toBe(125);
  });
});
