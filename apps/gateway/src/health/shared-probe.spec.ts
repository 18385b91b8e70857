import { describe, expect, it } from 'vitest';
import { SharedProbe } from './shared-probe';

function controllable() {
  const runs: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const probe = () => new Promise<number>((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, probe };
}

describe('SharedProbe', () => {
  it('shares one run between callers that arrive while it runs', async () => {
    const { runs, probe } = controllable();
    const shared = new SharedProbe(probe, 2000, () => 0);
    const answers = Array.from({ length: 50 }, () => shared.get());
    expect(runs).toHaveLength(1);
    runs[0].resolve(7);
    expect(await Promise.all(answers)).toEqual(Array(50).fill(7));
  });

  it('reuses the result while fresh and runs again once it is stale', async () => {
    const { runs, probe } = controllable();
    let now = 1000;
    const shared = new SharedProbe(probe, 2000, () => now);
    const first = shared.get();
    runs[0].resolve(1);
    expect(await first).toBe(1);
    now = 2999;
    expect(await shared.get()).toBe(1);
    expect(runs).toHaveLength(1);
    now = 3000;
    const second = shared.get();
    expect(runs).toHaveLength(2);
    runs[1].resolve(2);
    expect(await second).toBe(2);
  });

  it('does not keep a failure: the next caller runs it again', async () => {
    const { runs, probe } = controllable();
    const shared = new SharedProbe(probe, 2000, () => 0);
    const failed = shared.get();
    runs[0].reject(new Error('probe failed'));
    await expect(failed).rejects.toThrow('probe failed');
    void shared.get();
    expect(runs).toHaveLength(2);
  });
});
