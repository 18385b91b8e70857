import { BookingEvents, DirectoryEvents, DirectoryRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { AnnouncedCache, ChangeFeed } from '../common/cache/announced-cache';
import { profileFreshUntil } from './counselor-profile-freshness';

/** A profile is 1–2 KB of JSON, ~10 KB at the most (long bio, 20 offerings): this keeps several thousand. */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;
/** A bound on what a missed announcement could leave wrong. */
const MAX_AGE_MS = 60_000;

/**
 * Public counselor profiles as JSON, kept per counselor until the next opening they show begins
 * (see `profileFreshUntil`) or a change of the profile is announced: by the directory (their own
 * edits, reviews, account states, approval, suspension, reinstatement, offerings) or by the booking
 * service (`counselor.openings-changed`, which moves the next opening). Answers that are errors
 * (no such active counselor) are never kept. A change this replica relayed itself is forgotten at
 * once (`forget`), so whoever made it reads it back; other replicas follow the announcement.
 */
@Injectable()
export class CounselorProfileCache {
  private readonly cache: AnnouncedCache;

  constructor(
    feed: ChangeFeed,
    private readonly rpc: RpcClient,
  ) {
    this.cache = new AnnouncedCache(feed, { maxSize: MAX_CACHED_BYTES, maxAgeMs: MAX_AGE_MS });
    const forgetCounselor = ({ counselorId }: { counselorId: string }) => this.forget(counselorId);
    feed.on(DirectoryEvents.profileChanged, forgetCounselor);
    feed.on(DirectoryEvents.suspended, forgetCounselor);
    feed.on(DirectoryEvents.reinstated, forgetCounselor);
    feed.on(DirectoryEvents.approved, ({ userId }) => this.forget(userId));
    feed.on(DirectoryEvents.offeringChanged, ({ offering }) => this.forget(offering.counselorId));
    feed.on(BookingEvents.openingsChanged, ({ counselors }) => counselors.forEach(forgetCounselor));
  }

  /** The body of GET /counselors/:id. */
  profile(id: string): Promise<string> {
    // The directory reads ids in any case and answers in lower case, as events name counselors.
    const counselorId = id.toLowerCase();
    return this.cache.get(counselorId, counselorId, async () => {
      const view = await this.rpc.send(DirectoryRpc.getCounselor, { id: counselorId });
      return { body: JSON.stringify(view), freshUntil: profileFreshUntil(view, Date.now(), MAX_AGE_MS) };
    });
  }

  forget(counselorId: string): void {
    this.cache.invalidate(counselorId.toLowerCase());
  }
}
