import { DomainError } from '@haven/common';
import { BookingEvents, type CounselorView, DirectoryEvents, type EventContract } from '@haven/contracts';
import type { RpcClient } from '@haven/messaging';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../common/cache/announced-cache';
import { CounselorProfileCache } from './counselor-profile-cache';

/** A live change feed whose announcements the test makes. */
class AnnouncingFeed {
  private readonly listeners = new Map<string, ((data: unknown) => void)[]>();

  on<TData>(event: EventContract<TData>, listener: (data: TData) => void): void {
    this.listeners.set(event.type, [...(this.listeners.get(event.type) ?? []), listener as (data: unknown) => void]);
  }

  onReset(): void {}

  isLive(): boolean {
    return true;
  }

  announce<TData>(event: EventContract<TData>, data: TData): void {
    this.listeners.get(event.type)?.forEach((listener) => listener(data));
  }
}

/** The directory's getCounselor: counts what it is asked, answers from `views`, 404 otherwise. */
function directory(views: Map<string, CounselorView>) {
  const asked: string[] = [];
  const rpc = {
    send: async (_contract: unknown, { id }: { id: string }) => {
      asked.push(id);
      const view = views.get(id);
      if (!view) throw DomainError.notFound('counselor_not_found');
      return view;
    },
  };
  return { asked, rpc: rpc as unknown as RpcClient };
}

function view(id: string, nextAvailableAt: string | null = null): CounselorView {
  return {
    id,
    displayName: 'Dr. Asha Rao',
    bio: 'Anxiety and sleep.',
    languages: ['en'],
    specialties: ['anxiety'],
    yearsExperience: 8,
    qualifications: ['M.Phil'],
    registration: { body: 'RCI' },
    status: 'active',
    rating: 4.5,
    reviewCount: 2,
    offerings: [],
    nextAvailableAt,
  };
}

function setUp(...ids: string[]) {
  const views = new Map(ids.map((id): [string, CounselorView] => [id, view(id)]));
  const feed = new AnnouncingFeed();
  const { asked, rpc } = directory(views);
  return { views, feed, asked, cache: new CounselorProfileCache(feed as unknown as ChangeFeed, rpc) };
}

const ANNOUNCEMENTS: [string, (feed: AnnouncingFeed, counselorId: string) => void][] = [
  ['counselor.profile-changed', (feed, counselorId) => feed.announce(DirectoryEvents.profileChanged, { counselorId })],
  [
    'counselor.suspended',
    (feed, counselorId) => feed.announce(DirectoryEvents.suspended, { counselorId, actorId: randomUUID() }),
  ],
  [
    'counselor.reinstated',
    (feed, counselorId) => feed.announce(DirectoryEvents.reinstated, { counselorId, actorId: randomUUID() }),
  ],
  [
    'counselor.approved',
    (feed, userId) =>
      feed.announce(DirectoryEvents.approved, {
        applicationId: randomUUID(),
        userId,
        reviewerId: randomUUID(),
        displayName: 'Dr. Asha Rao',
      }),
  ],
  [
    'offering.changed',
    (feed, counselorId) =>
      feed.announce(DirectoryEvents.offeringChanged, {
        offering: {
          id: randomUUID(),
          counselorId,
          title: 'Chat',
          mode: 'chat',
          durationMinutes: 30,
          pricePaise: 0,
          currency: 'INR',
          active: false,
        },
      }),
  ],
  [
    'counselor.openings-changed',
    (feed, counselorId) =>
      feed.announce(BookingEvents.openingsChanged, {
        counselors: [
          { counselorId, nextAvailableAt: null, openRuns: [], maxStepMinutes: 0, computedAt: new Date().toISOString() },
        ],
      }),
  ],
];

describe('CounselorProfileCache', () => {
  it('asks the directory once for two reads and answers the view as JSON', async () => {
    const id = randomUUID();
    const { cache, asked, views } = setUp(id);
    expect(await cache.profile(id)).toBe(JSON.stringify(views.get(id)));
    expect(await cache.profile(id)).toBe(JSON.stringify(views.get(id)));
    expect(asked).toEqual([id]);
  });

  it.each(ANNOUNCEMENTS)('forgets the counselor %s names, and only them', async (_type, announce) => {
    const [named, other] = [randomUUID(), randomUUID()];
    const { cache, asked, views, feed } = setUp(named, other);
    await cache.profile(named);
    await cache.profile(other);
    views.set(named, { ...view(named), bio: 'Changed.' });
    announce(feed, named);
    expect(JSON.parse(await cache.profile(named)).bio).toBe('Changed.');
    await cache.profile(other);
    expect(asked).toEqual([named, other, named]);
  });

  it('forgets a change relayed through this replica at once', async () => {
    const id = randomUUID();
    const { cache, asked } = setUp(id);
    await cache.profile(id);
    cache.forget(id.toUpperCase());
    await cache.profile(id);
    expect(asked).toEqual([id, id]);
  });

  it('keeps no error: a profile not found is asked for again', async () => {
    const id = randomUUID();
    const { cache, asked, views } = setUp();
    await expect(cache.profile(id)).rejects.toMatchObject({ kind: 'not_found' });
    views.set(id, view(id));
    expect(JSON.parse(await cache.profile(id)).id).toBe(id);
    expect(asked).toEqual([id, id]);
  });

  it('takes an id in capitals for the same counselor, whom announcements in lower case forget', async () => {
    const id = randomUUID();
    const { cache, asked, feed } = setUp(id);
    await cache.profile(id.toUpperCase());
    await cache.profile(id);
    feed.announce(DirectoryEvents.profileChanged, { counselorId: id });
    await cache.profile(id.toUpperCase());
    expect(asked).toEqual([id, id]);
  });

  it('does not keep a profile whose next opening has begun, nor one without next availability', async () => {
    const [begun, unknown] = [randomUUID(), randomUUID()];
    const { cache, asked, views } = setUp();
    views.set(begun, view(begun, new Date(Date.now() - 1000).toISOString()));
    views.set(unknown, { ...view(unknown), nextAvailableAt: undefined });
    for (const id of [begun, unknown, begun, unknown]) await cache.profile(id);
    expect(asked).toEqual([begun, unknown, begun, unknown]);
  });
});
