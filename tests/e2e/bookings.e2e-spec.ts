import type { BookingView } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import { bookingDb } from '../support/booking';
import {
  bookingEvents,
  book,
  client,
  countOf,
  getBooking,
  hold,
  ledgerOf,
  openCounselor,
  openSlots,
  payOrder,
  paymentRows,
  verify,
  waitForBooking,
} from '../support/bookings';
import { api } from '../support/http';

describe('POST /bookings', () => {
  it('holds a paid slot with a Razorpay order, then verify confirms it with a meeting link, once', async () => {
    const counselor = await openCounselor({ pricePaise: 45_000 });
    const [slot] = await openSlots(counselor, 3);
    const alice = await client('alice');
    const before = Date.now();
    const held = await hold(alice.accessToken, counselor.offering.id, slot);
    expect(held).toMatchObject({
      clientId: alice.user.id,
      counselorId: counselor.id,
      offeringId: counselor.offering.id,
      startsAt: slot,
      status: 'pending_payment',
      pricePaise: 45_000,
      currency: 'INR',
      payment: {
        provider: 'razorpay',
        keyId: expect.stringMatching(/^rzp_test_/),
        amountPaise: 45_000,
        currency: 'INR',
      },
    });
    expect(held.payment!.orderId).toMatch(/^order_/);
    expect(held.meetingUrl).toBeUndefined();
    // expiresAt = now + BOOKING_HOLD_TTL_SECONDS (8 s in the e2e platform).
    expect(new Date(held.expiresAt!).getTime() - before).toBeGreaterThan(6_000);
    expect(new Date(held.expiresAt!).getTime() - before).toBeLessThan(12_000);
    // The slot is gone from the public list while held.
    expect(await openSlots(counselor, 3)).not.toContain(slot);

    const checkout = await payOrder(held.payment!.orderId);
    const confirmed = await verify(alice.accessToken, held.id, checkout);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/haven-[0-9a-f]{32}$/);
    expect(confirmed.body.expiresAt).toBeUndefined();

    // Verify again, and the webhooks that follow the payment: still one payment, one posting, one event.
    expect((await verify(alice.accessToken, held.id, checkout)).body.status).toBe('confirmed');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await paymentRows(held.id)).toHaveLength(1);
    expect(await ledgerOf(held.id)).toEqual([
      { memo: expect.stringMatching(/captured/), debits: 45_000, credits: 45_000 },
    ]);
    const events = await bookingEvents(held.id);
    expect(countOf(events, 'booking.confirmed')).toBe(1);
    expect(countOf(events, 'payment.captured')).toBe(1);
    const confirmedEvent = events.find((event) => event.type === 'booking.confirmed')!;
    expect(confirmedEvent.data).toMatchObject({
      bookingId: held.id,
      counselorName: expect.any(String),
      offeringTitle: counselor.offering.title,
      durationMinutes: 50,
      amountPaise: 45_000,
      meetingUrl: confirmed.body.meetingUrl,
    });
  });

  it('refuses a bad signature with 400 and leaves the booking as it was', async () => {
    const counselor = await openCounselor();
    const [slot] = await openSlots(counselor, 3);
    const bob = await client('bob');
    const held = await hold(bob.accessToken, counselor.offering.id, slot);
    const forged = await verify(bob.accessToken, held.id, {
      razorpay_order_id: held.payment!.orderId,
      razorpay_payment_id: 'pay_Forged000000001',
      razorpay_signature: 'a'.repeat(64),
    });
    expect(forged.status).toBe(400);
    expect(forged.body.message).toMatch(/signature/);
    expect((await getBooking(bob.accessToken, held.id)).status).toBe('pending_payment');
    expect(await paymentRows(held.id)).toHaveLength(0);
    // Someone else's booking is not found, even with a valid-looking body.
    const mallory = await client('mallory');
    expect((await verify(mallory.accessToken, held.id, await payOrder(held.payment!.orderId))).status).toBe(404);
  });

  it('confirms a free session at once and allows only one upcoming free session per client', async () => {
    const counselor = await openCounselor({ pricePaise: 0 });
    const [first, second] = await openSlots(counselor, 2);
    const carol = await client('carol');
    const free = await hold(carol.accessToken, counselor.offering.id, first);
    expect(free.status).toBe('confirmed');
    expect(free.payment).toBeUndefined();
    expect(free.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/haven-/);
    const again = await book(carol.accessToken, counselor.offering.id, second);
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/free/);
    expect(countOf(await bookingEvents(free.id), 'booking.confirmed')).toBe(1);
  });

  it('refuses own offering, closed slots and a fourth unpaid hold with 422; unknown offering 404; bad body 400', async () => {
    const counselor = await openCounselor();
    const slots = await openSlots(counselor, 4);
    const own = await book(counselor.accessToken, counselor.offering.id, slots[0]);
    expect(own.status).toBe(422);
    expect(own.body.message).toMatch(/own offering/);

    const dave = await client('dave');
    const offGrid = new Date(new Date(slots[0]).getTime() + 7 * 60_000).toISOString();
    expect((await book(dave.accessToken, counselor.offering.id, offGrid)).status).toBe(422);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await book(dave.accessToken, counselor.offering.id, past)).status).toBe(422);
    const tooFar = new Date(Date.now() + 40 * 24 * 3_600_000).toISOString();
    expect((await book(dave.accessToken, counselor.offering.id, tooFar)).status).toBe(422);

    for (const slot of slots.slice(0, 3)) await hold(dave.accessToken, counselor.offering.id, slot);
    const fourth = await book(dave.accessToken, counselor.offering.id, slots[3]);
    expect(fourth.status).toBe(422);
    expect(fourth.body.message).toMatch(/unpaid holds/);

    expect((await book(dave.accessToken, '00000000-0000-4000-8000-000000000000', slots[4])).status).toBe(404);
    const bad = await api('POST', '/bookings', { offeringId: 'x', startsAt: 'tomorrow' }, { token: dave.accessToken });
    expect(bad.status).toBe(400);
    expect((await api('POST', '/bookings', { offeringId: counselor.offering.id, startsAt: slots[4] })).status).toBe(
      401,
    );
  });

  it('gives exactly one of 30 concurrent holds on one slot; the rest are 409', async () => {
    const counselor = await openCounselor();
    const [slot] = await openSlots(counselor, 5);
    // Ten clients (registered a few at a time: password hashing is slow), three requests each.
    const clients = [];
    for (let i = 0; i < 10; i += 5) {
      clients.push(...(await Promise.all(Array.from({ length: 5 }, (_, j) => client(`racer${i + j}`)))));
    }
    const attempts = clients.flatMap((c) => [c, c, c]);
    const responses = await Promise.all(attempts.map((c) => book(c.accessToken, counselor.offering.id, slot)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
    expect(responses.find((response) => response.status === 409)!.body.message).toMatch(/taken/);
    const { rows } = await bookingDb().query(
      `SELECT count(*)::int AS n FROM booking.bookings WHERE counselor_id = $1 AND status IN ('pending_payment', 'confirmed')`,
      [counselor.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('GET /bookings and GET /bookings/:id', () => {
  it('shows a booking to its client, its counselor and admins only, and lists own bookings by role', async () => {
    const counselor = await openCounselor();
    const [slot, other] = await openSlots(counselor, 6);
    const erin = await client('erin');
    const held: BookingView = await hold(erin.accessToken, counselor.offering.id, slot);
    expect((await getBooking(counselor.accessToken, held.id)).id).toBe(held.id);
    expect((await getBooking(await loginAdmin(), held.id)).id).toBe(held.id);
    const stranger = await client('stranger');
    expect((await api('GET', `/bookings/${held.id}`, undefined, { token: stranger.accessToken })).status).toBe(404);
    expect((await api('GET', `/bookings/not-a-uuid`, undefined, { token: stranger.accessToken })).status).toBe(404);

    await hold(stranger.accessToken, counselor.offering.id, other);
    const mine = await api('GET', '/bookings?role=client', undefined, { token: erin.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, items: [{ id: held.id }] });
    const asCounselor = await api('GET', '/bookings?role=counselor&status=pending_payment', undefined, {
      token: counselor.accessToken,
    });
    expect(asCounselor.body.total).toBe(2);
    expect((await api('GET', '/bookings?role=counselor', undefined, { token: erin.accessToken })).status).toBe(403);
    expect((await api('GET', '/bookings?status=nope', undefined, { token: erin.accessToken })).status).toBe(400);
    const none = await api('GET', '/bookings?status=confirmed', undefined, { token: erin.accessToken });
    expect(none.body.total).toBe(0);
    await waitForBooking(erin.accessToken, held.id, (b) => b.status === 'expired', 'the unpaid hold to expire');
  });
});
