import { describe, expect, it } from 'vitest';
import { type CacheableAnswer, InvalidatedCache } from './invalidated-cache';

/** A load whose answer the test releases when it wants. */
function deferredLoad(value: string, freshUntil: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const load = async (): Promise<CacheableAnswer<string>> => {
    await released;
    return { value, freshUntil, size: value.length };
  };
  return { load, release };
}

describe('InvalidatedCache', () => {
  let clock = 0;
  const cache = (maxSize = 1000, maxAgeMs = 60_000) =>
    new InvalidatedCache<string>({ maxSize, maxAgeMs, now: () => clock });
  const answer =
    (value: string, freshUntil = 1000) =>
    async () => ({ value, freshUntil, size: value.length });

  it('serves a kept answer until its own freshness ends, then loads again', async () => {
    clock = 0;
    const slots = cache();
    expect(await slots.get('c1', 'a', answer('first', 500))).toBe('first');
    clock = 499;
    expect(await slots.get('c1', 'a', answer('second'))).toBe('first');
    clock = 500;
    expect(await slots.get('c1', 'a', answer('second'))).toBe('second');
  });

  it('keeps nothing longer than maxAgeMs, whatever the load says', async () => {
    clock = 0;
    const slots = cache(1000, 100);
    await slots.get('c1', 'a', answer('first', 10_000));
    clock = 100;
    expect(await slots.get('c1', 'a', answer('second', 10_000))).toBe('second');
  });

  it('forgets every answer of an invalidated group and only those', async () => {
    clock = 0;
    const slots = cache();
    await slots.get('c1', 'a', answer('c1-a'));
    await slots.get('c1', 'b', answer('c1-b'));
    await slots.get('c2', 'c', answer('c2-c'));
    slots.invalidate('c1');
    expect(await slots.get('c1', 'a', answer('c1-a2'))).toBe('c1-a2');
    expect(await slots.get('c1', 'b', answer('c1-b2'))).toBe('c1-b2');
    expect(await slots.get('c2', 'c', answer('c2-c2'))).toBe('c2-c');
  });

  it('answers but does not keep a load that an invalidation overtook', async () => {
    clock = 0;
    const slots = cache();
    const before = deferredLoad('read before the change', 1000);
    const pending = slots.get('c1', 'a', before.load);
    slots.invalidate('c1');
    before.release();
    expect(await pending).toBe('read before the change');
    expect(await slots.get('c1', 'a', answer('read after the change'))).toBe('read after the change');
  });

  it('lets a request after an invalidation start its own load instead of joining the older one', async () => {
    clock = 0;
    const slots = cache();
    const before = deferredLoad('old', 1000);
    const first = slots.get('c1', 'a', before.load);
    slots.invalidate('c1');
    const second = slots.get('c1', 'a', answer('new'));
    before.release();
    expect(await Promise.all([first, second])).toEqual(['old', 'new']);
    expect(await slots.get('c1', 'a', answer('unused'))).toBe('new');
  });

  it('shares one load between concurrent requests for a key', async () => {
    clock = 0;
    const slots = cache();
    let loads = 0;
    const load = async () => ({ value: `load ${++loads}`, freshUntil: 1000, size: 6 });
    expect(await Promise.all([slots.get('c1', 'a', load), slots.get('c1', 'a', load)])).toEqual(['load 1', 'load 1']);
  });

  it('does not keep a load that a clear overtook', async () => {
    clock = 0;
    const slots = cache();
    const before = deferredLoad('old', 1000);
    const pending = slots.get('c1', 'a', before.load);
    slots.clear();
    before.release();
    await pending;
    expect(await slots.get('c1', 'a', answer('new'))).toBe('new');
  });

  it('pushes out the least recently used answers beyond maxSize', async () => {
    clock = 0;
    const slots = cache(10);
    await slots.get('c1', 'a', answer('aaaa'));
    await slots.get('c2', 'b', answer('bbbb'));
    await slots.get('c1', 'a', answer('unused')); // a is now the most recently used
    await slots.get('c3', 'c', answer('cccc'));
    expect(slots.size).toBe(8);
    expect(await slots.get('c1', 'a', answer('unused'))).toBe('aaaa');
    expect(await slots.get('c2', 'b', answer('bbbb again'))).toBe('bbbb again');
  });

  it('does not keep a failed load', async () => {
    clock = 0;
    const slots = cache();
    await expect(
      slots.get('c1', 'a', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await slots.get('c1', 'a', answer('up'))).toBe('up');
  });
});
