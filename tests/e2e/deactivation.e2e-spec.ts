import { BookingRpc, type CounselorView, type Page } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { closePlatformDb, closePlatformRpc, loginAdmin, platformRpc } from '../support/accounts';
import { bookableCounselor, type BookableCounselor } from '../support/booking';
import {
  client,
  getBooking,
  hold,
  openCounselor,
  openSlots,
  payOrder,
  verify,
  waitForBooking,
} from '../support/bookings';
import { api } from '../support/http';
import { aboutBooking, waitForMessage } from '../support/notifications';

afterAll(async () => {
  await closePlatformRpc();
  await closePlatformDb();
});

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A word no other profile contains, to find exactly this counselor by text. */
function uniqueWord(): string {
  return `Zq${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
}

async function setActive(userId: string, active: boolean): Promise<void> {
  const response = await api('PATCH', `/admin/users/${userId}`, { active }, { token: await loginAdmin() });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** Everything public about a counselor: profile, search, slots, next availability and the ICS feed. */
async function publicTraces(counselor: BookableCounselor, word: string, feedPath: string) {
  const [profile, search, slots, feed, next] = await Promise.all([
    api('GET', `/counselors/${counselor.id}`),
    api<Page<CounselorView>>('GET', `/counselors?q=${word}&limit=100`),
    api('GET', `/counselors/${counselor.id}/slots?offeringId=${counselor.offering.id}`),
    api('GET', feedPath),
    platformRpc().send(BookingRpc.nextAvailability, { counselorIds: [counselor.id] }),
  ]);
  return {
    profile: profile.status,
    inSearch: search.body.items.some((item) => item.id === counselor.id),
    slots: slots.status,
    feed: feed.status,
    nextAvailableAt: next.nextAvailableAt[counselor.id],
  };
}

describe('deactivating a counselor’s account', () => {
  it('hides them everywhere (profile, search, slots, next availability, ICS feed); reactivation restores it', async () => {
    const word = uniqueWord();
    const counselor = await bookableCounselor({
      label: 'deactivated-counselor',
      application: { displayName: `Dr. ${word} Rao` },
      availability: {
        timezone: 'Asia/Kolkata',
        weekly: ALL_DAYS.map((day) => ({ day, start: '00:00', end: '23:59' })),
        minNoticeMinutes: 0,
      },
    });
    const feed = await api<{ url: string }>('GET', '/counselor/calendar-feed', undefined, {
      token: counselor.accessToken,
    });
    const feedPath = new URL(feed.body.url).pathname.replace(/^\/api\/v1/, '');

    const visible = await publicTraces(counselor, word, feedPath);
    expect(visible).toMatchObject({ profile: 200, inSearch: true, slots: 200, feed: 200 });
    expect(visible.nextAvailableAt).toEqual(expect.any(String));

    await setActive(counselor.id, false);
    const hidden = await waitFor(
      async () => {
        const traces = await publicTraces(counselor, word, feedPath);
        return traces.profile === 404 && traces.slots === 404 ? traces : undefined;
      },
      { what: 'the deactivated counselor to disappear', timeoutMs: 15_000 },
    );
    expect(hidden).toEqual({ profile: 404, inSearch: false, slots: 404, feed: 404, nextAvailableAt: null });

    await setActive(counselor.id, true);
    const restored = await waitFor(
      async () => {
        const traces = await publicTraces(counselor, word, feedPath);
        return traces.profile === 200 && traces.slots === 200 ? traces : undefined;
      },
      { what: 'the reactivated counselor to come back', timeoutMs: 15_000 },
    );
    expect(restored).toMatchObject({ profile: 200, inSearch: true, slots: 200, feed: 200 });
    expect(restored.nextAvailableAt).toEqual(expect.any(String));
  });
});

describe('a suspended counselor', () => {
  it('may withdraw offerings and keep their calendar, but not change their profile or what they sell', async () => {
    const counselor = await bookableCounselor({ label: 'suspended-editor' });
    const token = counselor.accessToken;
    const admin = await loginAdmin();
    const suspend = await api(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'Review' },
      { token: admin },
    );
    expect(suspend.status).toBe(200);

    const refused: [string, string, unknown][] = [
      ['PATCH', '/counselor/profile', { bio: 'A new story while suspended.' }],
      ['POST', '/counselor/offerings', { title: 'Chat', mode: 'chat', durationMinutes: 30, pricePaise: 10_000 }],
      ['PATCH', `/counselor/offerings/${counselor.offering.id}`, { pricePaise: 100 }],
      ['PATCH', `/counselor/offerings/${counselor.offering.id}`, { title: 'Renamed', active: false }],
    ];
    for (const [method, path, body] of refused) {
      const response = await api(method, path, body, { token });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
      expect(response.body.code).toBe('counselor_suspended');
    }

    const withdraw = await api('PATCH', `/counselor/offerings/${counselor.offering.id}`, { active: false }, { token });
    expect(withdraw.status).toBe(200);
    expect(withdraw.body.active).toBe(false);
    const reopen = await api('PATCH', `/counselor/offerings/${counselor.offering.id}`, { active: true }, { token });
    expect(reopen.status).toBe(422);
    const calendar = await api('PUT', '/counselor/availability', { timezone: 'Europe/London' }, { token });
    expect(calendar.status).toBe(200);
    expect((await api('GET', '/counselor/offerings', undefined, { token })).status).toBe(200);

    const reinstate = await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {}, { token: admin });
    expect(reinstate.status).toBe(200);
    expect((await api('PATCH', '/counselor/profile', { bio: 'Back again, and well.' }, { token })).status).toBe(200);
    expect(
      (await api('PATCH', `/counselor/offerings/${counselor.offering.id}`, { active: true }, { token })).status,
    ).toBe(200);
  });
});

describe('deactivating an account with sessions ahead', () => {
  it('cancels their future bookings in full (client or counselor side) and tells the other party', async () => {
    const counselor = await openCounselor({ pricePaise: 45_000 });
    const [first, second, third] = await openSlots(counselor, 4);
    const [alice, bob] = await Promise.all([client('deactivated-client'), client('staying-client')]);
    const paid = async (token: string, slot: string) => {
      const held = await hold(token, counselor.offering.id, slot);
      const confirmed = await verify(token, held.id, await payOrder(held.payment!.orderId));
      expect(confirmed.body.status).toBe('confirmed');
      return held.id;
    };
    const alicePaid = await paid(alice.accessToken, first);
    const aliceHold = (await hold(alice.accessToken, counselor.offering.id, second)).id;
    const bobPaid = await paid(bob.accessToken, third);
    const asCounselor = (id: string, done: (b: any) => boolean, what: string) =>
      waitForBooking(counselor.accessToken, id, done, what);

    await setActive(alice.user.id, false);
    const refunded = await asCounselor(alicePaid, (b) => b.refund?.status === 'processed', 'the client refund');
    expect(refunded).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', refund: { amountPaise: 45_000 } });
    expect(await getBooking(counselor.accessToken, aliceHold)).toMatchObject({ status: 'cancelled' });
    expect((await getBooking(counselor.accessToken, aliceHold)).refund).toBeUndefined();
    await waitForMessage(counselor.accessToken, 'booking.cancelled', aboutBooking(alicePaid));
    expect((await getBooking(bob.accessToken, bobPaid)).status).toBe('confirmed');

    await setActive(counselor.id, false);
    const bobs = await waitForBooking(bob.accessToken, bobPaid, (b) => b.refund?.status === 'processed', 'refund');
    expect(bobs).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', refund: { amountPaise: 45_000 } });
    await waitForMessage(bob.accessToken, 'booking.cancelled', aboutBooking(bobPaid));
  });
});
