import { type CacheableAnswer, InvalidatedCache, type InvalidatedCacheOptions } from '@haven/common';
import type { EventContract, EventEnvelope } from '@haven/contracts';
import { ReplicaEventSubscription } from '@haven/messaging';

type Listener = (envelope: EventEnvelope) => void;

/**
 * The change announcements the gateway's caches forget answers by, heard by this replica whichever
 * it is (one subscription per replica; see ReplicaEventSubscription). While it is not live, caches
 * answer every request from the service, since a change could pass unheard.
 */
export class ChangeFeed {
  private readonly listeners = new Map<string, Listener[]>();
  private readonly resetListeners: (() => void)[] = [];
  private readonly subscription: ReplicaEventSubscription;
  private readonly heard: ReadonlySet<string>;

  constructor(url: string, events: readonly EventContract<unknown>[]) {
    this.heard = new Set(events.map((event) => event.type));
    this.subscription = new ReplicaEventSubscription(url, 'gateway change feed', events, {
      onEvent: (envelope) => this.listeners.get(envelope.type)?.forEach((listener) => listener(envelope)),
      onReset: () => this.resetListeners.forEach((listener) => listener()),
    });
  }

  on<TData>(event: EventContract<TData>, listener: (data: TData) => void): void {
    // A cache listening for an event the feed is not bound to would never forget anything.
    if (!this.heard.has(event.type)) throw new Error(`The change feed does not subscribe to ${event.type}`);
    const listeners = this.listeners.get(event.type) ?? [];
    listeners.push((envelope) => listener(envelope.data as TData));
    this.listeners.set(event.type, listeners);
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  isLive(): boolean {
    return this.subscription.isLive();
  }

  close(): Promise<void> {
    return this.subscription.close();
  }
}

/** JSON bodies of a service's answers, kept until they expire or the feed announces a change of their group. */
export class AnnouncedCache {
  private readonly cache: InvalidatedCache<string>;

  constructor(
    private readonly feed: ChangeFeed,
    options: InvalidatedCacheOptions,
  ) {
    this.cache = new InvalidatedCache(options);
    feed.onReset(() => this.cache.clear());
  }

  invalidate(group: string): void {
    this.cache.invalidate(group);
  }

  /** The body for `key`, from the cache while the feed is live, else from `load` every time. */
  async get(group: string, key: string, load: () => Promise<{ body: string; freshUntil: number }>): Promise<string> {
    const answer = async (): Promise<CacheableAnswer<string>> => {
      const { body, freshUntil } = await load();
      return { value: body, freshUntil, size: body.length };
    };
    if (!this.feed.isLive()) return (await answer()).value;
    return this.cache.get(group, key, answer);
  }
}
