import { describe, expect, it } from 'vitest';
import { ExpiringValue } from './expiring-value';

describe('ExpiringValue', () => {
  it('loads once for everyone until it expires, then loads again', async () => {
    let clock = 0;
    let loads = 0;
    const value = new ExpiringValue(
      1000,
      async () => ++loads,
      () => clock,
    );
    expect(await Promise.all([value.get(), value.get()])).toEqual([1, 1]);
    clock = 999;
    expect(await value.get()).toBe(1);
    clock = 1000;
    expect(await value.get()).toBe(2);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const value = new ExpiringValue(60_000, async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(value.get()).rejects.toThrow('down');
    fail = false;
    expect(await value.get()).toBe('up');
  });
});
