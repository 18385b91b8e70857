import { BookingEvents, BookingRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { AnnouncedCache, ChangeFeed } from '../common/cache/announced-cache';
import type { SlotsQueryDto } from './dto/slots.dto';

/** A 31-day answer is ~24 KB of JSON: this keeps the slots of several hundred counselors. */
const MAX_CACHED_BYTES = 16 * 1024 * 1024;
/** A bound on what a missed announcement could leave wrong. */
const MAX_AGE_MS = 60_000;

/**
 * Slot lists as JSON, kept per counselor, offering and range until time alone would change them
 * (the booking service says when) or the booking service announces that the counselor's calendar
 * changed (`counselor.openings-changed`, published after every change to their hours, time off,
 * bookings, offerings or status). A list may lag a change by that announcement's delay; a booking
 * of a slot taken meanwhile is still refused by the booking service.
 */
@Injectable()
export class SlotsCache {
  private readonly cache: AnnouncedCache;

  constructor(
    feed: ChangeFeed,
    private readonly rpc: RpcClient,
  ) {
    this.cache = new AnnouncedCache(feed, { maxSize: MAX_CACHED_BYTES, maxAgeMs: MAX_AGE_MS });
    feed.on(BookingEvents.openingsChanged, ({ counselors }) => {
      for (const { counselorId } of counselors) this.cache.invalidate(counselorId);
    });
  }

  /** The body of GET /counselors/:id/slots. */
  slots(counselorId: string, query: SlotsQueryDto): Promise<string> {
    const key = JSON.stringify([counselorId, query.offeringId, query.from ?? null, query.to ?? null]);
    return this.cache.get(counselorId, key, async () => {
      const { view, freshUntil } = await this.rpc.send(BookingRpc.listCacheableSlots, { counselorId, ...query });
      return { body: JSON.stringify(view), freshUntil: Date.parse(freshUntil) };
    });
  }
}
