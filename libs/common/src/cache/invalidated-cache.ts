/** What a load hands the cache: the answer, and until when it may be served without asking again. */
export interface CacheableAnswer<T> {
  value: T;
  /** Epoch milliseconds; an answer already expired is returned but not kept. */
  freshUntil: number;
  /** Roughly what keeping it costs, e.g. the length of a JSON body. */
  size: number;
}

export interface InvalidatedCacheOptions {
  /** Kept answers beyond this total size push out the least recently used. */
  maxSize: number;
  /** No answer is kept longer than this, whatever its load says: a bound on anything missed. */
  maxAgeMs: number;
  now?: () => number;
}

interface Entry<T> {
  group: string;
  value: T;
  freshUntil: number;
  size: number;
}

/**
 * Answers kept per key until they expire or their group (the subject they describe, e.g. a
 * counselor) is invalidated, for data another process owns and announces changes of. A load that
 * started before an invalidation of its group, or before `clear()`, is answered but not kept: it
 * may have read what the invalidation replaced. Concurrent requests for a key share one load.
 */
export class InvalidatedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly keysOfGroup = new Map<string, Set<string>>();
  /** Loads that a request arriving now may join: none started before an invalidation of its group. */
  private readonly loading = new Map<string, { group: string; promise: Promise<T> }>();
  private running = 0;
  /** Bumped by every invalidation and every clear; a load keeps its answer only if nothing it depends on moved. */
  private sequence = 0;
  private clearedAt = 0;
  /** The sequence of the last invalidation of each group, while some load may still be running. */
  private readonly invalidatedAt = new Map<string, number>();
  private totalSize = 0;
  private readonly now: () => number;

  constructor(private readonly options: InvalidatedCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.totalSize;
  }

  get count(): number {
    return this.entries.size;
  }

  async get(group: string, key: string, load: () => Promise<CacheableAnswer<T>>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.freshUntil > this.now()) {
        // Map order is insertion order: re-inserting makes it the most recently used.
        this.entries.delete(key);
        this.entries.set(key, entry);
        return entry.value;
      }
      this.remove(key);
    }
    const joined = this.loading.get(key);
    if (joined) return joined.promise;
    const promise = this.load(group, key, load);
    this.loading.set(key, { group, promise });
    try {
      return await promise;
    } finally {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    }
  }

  /** Forgets every answer about `group`, and any answer about it still being loaded. */
  invalidate(group: string): void {
    this.sequence += 1;
    if (this.running > 0) this.invalidatedAt.set(group, this.sequence);
    for (const key of this.keysOfGroup.get(group) ?? []) this.remove(key);
    for (const [key, load] of this.loading) if (load.group === group) this.loading.delete(key);
  }

  /** Forgets everything, including answers still being loaded (e.g. when invalidations may have been missed). */
  clear(): void {
    this.sequence += 1;
    this.clearedAt = this.sequence;
    this.entries.clear();
    this.keysOfGroup.clear();
    this.loading.clear();
    this.totalSize = 0;
  }

  private async load(group: string, key: string, load: () => Promise<CacheableAnswer<T>>): Promise<T> {
    const startedAt = this.sequence;
    this.running += 1;
    let answer: CacheableAnswer<T>;
    try {
      answer = await load();
    } finally {
      this.running -= 1;
    }
    const stale = this.clearedAt > startedAt || (this.invalidatedAt.get(group) ?? 0) > startedAt;
    const freshUntil = Math.min(answer.freshUntil, this.now() + this.options.maxAgeMs);
    if (!stale && freshUntil > this.now() && answer.size <= this.options.maxSize) {
      this.store(key, { group, value: answer.value, freshUntil, size: answer.size });
    }
    if (this.running === 0) this.invalidatedAt.clear();
    return answer.value;
  }

  private store(key: string, entry: Entry<T>): void {
    this.remove(key);
    this.entries.set(key, entry);
    this.totalSize += entry.size;
    const keys = this.keysOfGroup.get(entry.group) ?? new Set<string>();
    keys.add(key);
    this.keysOfGroup.set(entry.group, keys);
    for (const oldest of this.entries.keys()) {
      if (this.totalSize <= this.options.maxSize) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalSize -= entry.size;
    const keys = this.keysOfGroup.get(entry.group);
    keys?.delete(key);
    if (keys?.size === 0) this.keysOfGroup.delete(entry.group);
  }
}
