import { type CounselorView, DirectoryRpc } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { EventPublisher } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChangeFeed } from '../../apps/gateway/src/common/cache/announced-cache';
import {
  closePlatformDb,
  closePlatformRpc,
  loginAdmin,
  platformDb,
  platformRpc,
  registerUser,
} from '../support/accounts';
import { putAvailability } from '../support/booking';
import { openCounselor } from '../support/bookings';
import {
  approveApplication,
  bookingCompletedEvent,
  makeCounselor,
  makeOffering,
  submitApplication,
} from '../support/directory';
import { startExtraGateway } from '../support/gateway';
import { api, gatewayUrl } from '../support/http';

/** Another replica hears of a change it did not relay within this. */
const ANNOUNCED_WITHIN_MS = 5_000;

let replica: { url: string; app: INestApplication };

/** GET /counselors/:id on the gateway at `baseUrl`, as a client sees it. */
async function profileOn(baseUrl: string, id: string) {
  const response = await fetch(`${baseUrl}/counselors/${id}`);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: (response.status === 200 ? JSON.parse(text) : undefined) as CounselorView | undefined,
  };
}

const onPlatform = (id: string) => profileOn(gatewayUrl(), id);
const onReplica = (id: string) => profileOn(replica.url, id);

/** The replica's profile once `shows` holds, within the time an announcement takes. */
function replicaShows(id: string, shows: (profile: Awaited<ReturnType<typeof profileOn>>) => boolean, what: string) {
  return waitFor(
    async () => {
      const profile = await onReplica(id);
      return shows(profile) ? profile : undefined;
    },
    { what, timeoutMs: ANNOUNCED_WITHIN_MS, intervalMs: 20 },
  );
}

/**
 * Waits until the booking service has announced the new counselor's first openings (it does so
 * for every approval), so that no announcement about them is still on its way.
 */
async function openingsSettled(id: string): Promise<void> {
  await waitFor(
    async () => {
      const { rows } = await platformDb().query(
        `SELECT 1 FROM directory.counselor_openings WHERE counselor_id = $1
         AND NOT EXISTS (SELECT 1 FROM booking.openings_stale WHERE counselor_id = $1)`,
        [id],
      );
      return rows.length > 0 ? true : undefined;
    },
    { what: 'the first openings to be announced', timeoutMs: 15_000 },
  );
  // The gateways hear the announcement on their own queues, alongside the directory.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Rewrites the profile behind the directory's back: no event, so only an uncached read can see it. */
async function silentlySetBio(id: string, bio: string): Promise<void> {
  await platformDb().query(`UPDATE directory.counselors SET bio = $2 WHERE id = $1`, [id, bio]);
}

beforeAll(async () => {
  replica = await startExtraGateway({});
  const feed = replica.app.get(ChangeFeed);
  await waitFor(() => (feed.isLive() ? true : undefined), { what: "the replica's change feed" });
});

afterAll(async () => {
  await replica?.app.close();
  await closePlatformRpc();
  await closePlatformDb();
});

describe('public profiles kept by the gateway', () => {
  it('answer a second read from the cache, with the body and content type the directory’s view gives', async () => {
    const counselor = await makeCounselor({ application: { bio: 'Read twice.' } });
    await openingsSettled(counselor.id);
    const first = await onPlatform(counselor.id);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/json; charset=utf-8');
    const view = await platformRpc().send(DirectoryRpc.getCounselor, { id: counselor.id });
    expect(first.text).toBe(JSON.stringify(view));
    const onReplicaFirst = await onReplica(counselor.id);
    expect(onReplicaFirst.text).toBe(first.text);

    await silentlySetBio(counselor.id, 'Changed without an announcement.');
    for (const read of [onPlatform, onReplica]) {
      const again = await read(counselor.id);
      expect(again).toEqual(first);
    }
    // An id in capitals names the same counselor, and the same cached answer.
    expect((await onPlatform(counselor.id.toUpperCase())).text).toBe(first.text);
  });

  it('keep no error: a profile that is 404 shows as soon as the counselor is approved', async () => {
    const applicant = await registerUser('not-yet-counselor');
    const application = await submitApplication(applicant.accessToken);
    expect((await onReplica(applicant.user.id)).status).toBe(404);
    expect((await onReplica('not-a-uuid')).status).toBe(404);
    await approveApplication(application.id);
    expect((await onReplica(applicant.user.id)).status).toBe(200);
  });

  it('follow the counselor’s profile edit: at once where it was made, soon on every other replica', async () => {
    const counselor = await makeCounselor({ application: { displayName: 'Before Edit' } });
    expect((await onPlatform(counselor.id)).body?.displayName).toBe('Before Edit');
    expect((await onReplica(counselor.id)).body?.displayName).toBe('Before Edit');

    const edit = await api(
      'PATCH',
      '/counselor/profile',
      { displayName: 'After Edit', languages: ['ta'], photoUrl: 'https://cdn.example.com/p/after.jpg' },
      { token: counselor.accessToken },
    );
    expect(edit.status).toBe(200);
    const expected = { displayName: 'After Edit', languages: ['ta'], photoUrl: 'https://cdn.example.com/p/after.jpg' };
    expect((await onPlatform(counselor.id)).body).toMatchObject(expected);
    const announced = await replicaShows(counselor.id, (p) => p.body?.displayName === 'After Edit', 'the edit');
    expect(announced.body).toMatchObject(expected);
  });

  it('follow a review that moves the rating and count, announced by the directory', async () => {
    const counselor = await makeCounselor();
    const clientId = (await registerUser('reviewer')).user.id;
    for (const read of [onPlatform, onReplica]) {
      expect((await read(counselor.id)).body).toMatchObject({ rating: 0, reviewCount: 0 });
    }

    const bookingId = await completedBooking(counselor.id, clientId);
    await waitFor(
      async () => {
        try {
          return await platformRpc().send(DirectoryRpc.createReview, { bookingId, clientId, rating: 4 });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'booking_not_completed') return undefined;
          throw error;
        }
      },
      { what: 'the completed booking to be reviewable', timeoutMs: 15_000 },
    );
    // Made past both gateways: each learns of it from the announcement only.
    await replicaShows(counselor.id, (p) => p.body?.reviewCount === 1, 'the review on the replica');
    await waitFor(async () => ((await onPlatform(counselor.id)).body?.reviewCount === 1 ? true : undefined), {
      what: 'the review on the platform’s gateway',
      timeoutMs: ANNOUNCED_WITHIN_MS,
      intervalMs: 20,
    });
    expect((await onReplica(counselor.id)).body).toMatchObject({ rating: 4, reviewCount: 1 });
  });

  it('follow a suspension (404) and a reinstatement, and an account’s deactivation and reactivation', async () => {
    const counselor = await makeCounselor();
    const admin = await loginAdmin();
    expect((await onPlatform(counselor.id)).status).toBe(200);
    expect((await onReplica(counselor.id)).status).toBe(200);

    const suspend = await api(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'Review' },
      { token: admin },
    );
    expect(suspend.status).toBe(200);
    expect((await onPlatform(counselor.id)).status).toBe(404);
    await replicaShows(counselor.id, (p) => p.status === 404, 'the suspension');

    const reinstate = await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {}, { token: admin });
    expect(reinstate.status).toBe(200);
    expect((await onPlatform(counselor.id)).status).toBe(200);
    await replicaShows(counselor.id, (p) => p.status === 200, 'the reinstatement');

    const setActive = (active: boolean) =>
      api('PATCH', `/admin/users/${counselor.id}`, { active }, { token: admin }).then((r) =>
        expect(r.status).toBe(200),
      );
    await setActive(false);
    await replicaShows(counselor.id, (p) => p.status === 404, 'the deactivation');
    await setActive(true);
    await replicaShows(counselor.id, (p) => p.status === 200, 'the reactivation');
  });

  it('follow offering changes: a new offering and a withdrawn one', async () => {
    const counselor = await makeCounselor();
    expect((await onReplica(counselor.id)).body?.offerings).toEqual([]);

    const offering = await makeOffering(counselor.accessToken, { title: 'Announced chat', mode: 'chat' });
    const listed = await replicaShows(counselor.id, (p) => p.body?.offerings.length === 1, 'the new offering');
    expect(listed.body?.offerings).toEqual([offering]);
    expect((await onPlatform(counselor.id)).body?.offerings).toEqual([offering]);

    const withdraw = await api(
      'PATCH',
      `/counselor/offerings/${offering.id}`,
      { active: false },
      { token: counselor.accessToken },
    );
    expect(withdraw.status).toBe(200);
    expect((await onPlatform(counselor.id)).body?.offerings).toEqual([]);
    await replicaShows(counselor.id, (p) => p.body?.offerings.length === 0, 'the withdrawn offering');
  });

  it('follow the next opening when the counselor’s hours change (announced by the booking service)', async () => {
    const counselor = await openCounselor({ durationMinutes: 60 });
    const open = await replicaShows(counselor.id, (p) => typeof p.body?.nextAvailableAt === 'string', 'an opening');
    expect(Date.parse(open.body!.nextAvailableAt!)).toBeLessThan(Date.now() + 2 * 3_600_000);

    await putAvailability(counselor.accessToken, {
      timezone: 'UTC',
      weekly: [],
      bufferMinutes: 0,
      minNoticeMinutes: 0,
      maxAdvanceDays: 30,
    });
    await replicaShows(counselor.id, (p) => p.body?.nextAvailableAt === null, 'no opening left');
    await waitFor(async () => ((await onPlatform(counselor.id)).body?.nextAvailableAt === null ? true : undefined), {
      what: 'no opening left on the platform’s gateway',
      timeoutMs: ANNOUNCED_WITHIN_MS,
      intervalMs: 20,
    });
  });
});

/** A booking of the counselor's that the directory hears completed, as the booking service announces it. */
async function completedBooking(counselorId: string, clientId: string): Promise<string> {
  const publisher = new EventPublisher(JSON.parse(inject('platformEnv')).RABBITMQ_URL, 'booking');
  const envelope = bookingCompletedEvent({ counselorId, clientId });
  try {
    await publisher.publish(envelope);
  } finally {
    await publisher.close();
  }
  return envelope.data.bookingId;
}
