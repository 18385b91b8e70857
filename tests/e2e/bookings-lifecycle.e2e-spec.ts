import type { BookingView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import { bookingDb } from '../support/booking';
import {
  accountBalances,
  book,
  bookingEvents,
  client,
  countOf,
  getBooking,
  hold,
  ledgerOf,
  openCounselor,
  openSlots,
  payOrder,
  verify,
  waitForBooking,
} from '../support/bookings';
import { publicCounselor } from '../support/directory';
import { api } from '../support/http';

/** A paid, confirmed booking `hoursAhead` from now (the first open slot after that). */
async function confirmedBooking(pricePaise = 40_000, hoursAhead = 48) {
  const counselor = await openCounselor({ pricePaise });
  const [slot] = await openSlots(counselor, hoursAhead / 24);
  const user = await client();
  const held = await hold(user.accessToken, counselor.offering.id, slot);
  const confirmed = await verify(user.accessToken, held.id, await payOrder(held.payment!.orderId));
  expect(confirmed.body.status).toBe('confirmed');
  return { counselor, user, booking: confirmed.body };
}

function post(path: string, token: string, body: object = {}, headers: Record<string, string> = {}) {
  return api<BookingView & { message?: string }>('POST', path, body, { token, headers });
}

/** Moves a booking in time (what the API cannot do: sessions in the past). */
async function shiftBooking(id: string, startsInMinutes: number, durationMinutes = 50): Promise<void> {
  await bookingDb().query(
    `UPDATE booking.bookings SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3) WHERE id = $1`,
    [id, startsInMinutes, startsInMinutes + durationMinutes],
  );
}

describe('POST /bookings/:id/cancel', () => {
  it('client ≥ 24 h ahead: full refund, tracked to processed; the ledger balances over book–pay–cancel–refund', async () => {
    const { user, booking } = await confirmedBooking(40_000, 48);
    const cancelled = await post(`/bookings/${booking.id}/cancel`, user.accessToken, { reason: 'Plans changed' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'client',
      cancelReason: 'Plans changed',
      refund: { amountPaise: 40_000 },
    });
    expect(cancelled.body.meetingUrl).toBeUndefined();
    const done = await waitForBooking(
      user.accessToken,
      booking.id,
      (b) => b.refund?.status === 'processed',
      'refund processed',
    );
    expect(done.refund).toEqual({ amountPaise: 40_000, status: 'processed' });
    const events = await bookingEvents(booking.id);
    expect(countOf(events, 'booking.cancelled')).toBe(1);
    expect(events.find((e) => e.type === 'booking.cancelled')!.data).toMatchObject({
      cancelledBy: 'client',
      reason: 'Plans changed',
      refund: { amountPaise: 40_000, status: 'pending', refundId: expect.any(String) },
    });
    await expect
      .poll(async () => countOf(await bookingEvents(booking.id), 'refund.processed'), { timeout: 10_000 })
      .toBe(1);

    // Every transaction balances, and the whole run nets to zero in every account.
    const transactions = await ledgerOf(booking.id);
    expect(transactions).toHaveLength(3);
    for (const transaction of transactions) expect(transaction.debits).toBe(transaction.credits);
    expect(await accountBalances(booking.id)).toEqual({
      'razorpay-clearing': 0,
      'counselor-payable': 0,
      'platform-commission': 0,
      'refunds-payable': 0,
    });
    const { rows } = await bookingDb().query(
      `SELECT sum(debit_paise)::bigint AS d, sum(credit_paise)::bigint AS c FROM booking.ledger_entries`,
    );
    expect(rows[0].d).toBe(rows[0].c);
    // A second cancel is the wrong state.
    expect((await post(`/bookings/${booking.id}/cancel`, user.accessToken)).status).toBe(422);
  });

  it('client 2–24 h ahead gets 50 %, and the commission is on what the platform keeps', async () => {
    const { user, booking } = await confirmedBooking(40_000, 6);
    const cancelled = await post(`/bookings/${booking.id}/cancel`, user.accessToken);
    expect(cancelled.body.refund).toMatchObject({ amountPaise: 20_000 });
    await waitForBooking(user.accessToken, booking.id, (b) => b.refund?.status === 'processed', 'refund processed');
    expect(await accountBalances(booking.id)).toEqual({
      'razorpay-clearing': -20_000,
      'counselor-payable': 16_000,
      'platform-commission': 4_000,
      'refunds-payable': 0,
    });
  });

  it('client under 2 h gets nothing back; the counselor and an admin always refund in full', async () => {
    const late = await confirmedBooking(40_000, 0);
    const none = await post(`/bookings/${late.booking.id}/cancel`, late.user.accessToken);
    expect(none.status).toBe(200);
    expect(none.body.refund).toBeUndefined();
    expect(countOf(await bookingEvents(late.booking.id), 'booking.cancelled')).toBe(1);

    const byCounselor = await confirmedBooking(40_000, 1);
    const counselorCancel = await post(
      `/bookings/${byCounselor.booking.id}/cancel`,
      byCounselor.counselor.accessToken,
      {
        reason: 'Unwell',
      },
    );
    expect(counselorCancel.body).toMatchObject({ cancelledBy: 'counselor', refund: { amountPaise: 40_000 } });

    const byAdmin = await confirmedBooking(40_000, 1);
    const adminCancel = await post(`/bookings/${byAdmin.booking.id}/cancel`, await loginAdmin());
    expect(adminCancel.body).toMatchObject({ cancelledBy: 'admin', refund: { amountPaise: 40_000 } });
    const stranger = await client('stranger');
    expect((await post(`/bookings/${byAdmin.booking.id}/cancel`, stranger.accessToken)).status).toBe(404);
  });

  it('a client may drop an unpaid hold (no refund, slot free again); its counselor may not', async () => {
    const counselor = await openCounselor();
    const [slot] = await openSlots(counselor, 2);
    const user = await client();
    const held = await hold(user.accessToken, counselor.offering.id, slot);
    expect((await post(`/bookings/${held.id}/cancel`, counselor.accessToken)).status).toBe(422);
    const dropped = await post(`/bookings/${held.id}/cancel`, user.accessToken);
    expect(dropped.body).toMatchObject({ status: 'cancelled', cancelledBy: 'client' });
    expect(dropped.body.refund).toBeUndefined();
    expect(await openSlots(counselor, 2)).toContain(slot);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same body, refuses another body, and lets concurrent repeats act once', async () => {
    const counselor = await openCounselor();
    const [first, second, third] = await openSlots(counselor, 3);
    const user = await client();
    const key = `key-${Date.now()}`;
    const created = await book(user.accessToken, counselor.offering.id, first, key);
    expect(created.status).toBe(201);
    const again = await book(user.accessToken, counselor.offering.id, first, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(created.body);
    const otherBody = await book(user.accessToken, counselor.offering.id, second, key);
    expect(otherBody.status).toBe(422);
    expect((await book(user.accessToken, counselor.offering.id, second, 'k'.repeat(65))).status).toBe(400);

    const concurrentKey = `key-concurrent-${Date.now()}`;
    const racing = await Promise.all(
      [1, 2, 3, 4, 5].map(() => book(user.accessToken, counselor.offering.id, third, concurrentKey)),
    );
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);

    // Cancel with a key: the repeat gets the same answer, not "wrong state".
    const cancelKey = `cancel-${Date.now()}`;
    const cancelled = await post(
      `/bookings/${created.body.id}/cancel`,
      user.accessToken,
      {},
      { 'idempotency-key': cancelKey },
    );
    const repeated = await post(
      `/bookings/${created.body.id}/cancel`,
      user.accessToken,
      {},
      { 'idempotency-key': cancelKey },
    );
    expect(cancelled.status).toBe(200);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(cancelled.body);
    // Keys are per user: another user's same key is their own.
    const other = await client();
    expect((await book(other.accessToken, counselor.offering.id, second, key)).status).toBe(201);
  });
});

describe('POST /bookings/:id/reschedule', () => {
  it('moves a confirmed booking once to another open slot, ≥ 12 h ahead, without a new payment', async () => {
    const { counselor, user, booking } = await confirmedBooking(40_000, 48);
    const later = (await openSlots(counselor, 4))[0];
    expect((await post(`/bookings/${booking.id}/reschedule`, counselor.accessToken, { startsAt: later })).status).toBe(
      403,
    );
    const offGrid = new Date(new Date(later).getTime() + 7 * 60_000).toISOString();
    expect((await post(`/bookings/${booking.id}/reschedule`, user.accessToken, { startsAt: offGrid })).status).toBe(
      422,
    );

    // A slot someone else holds is a conflict.
    const [taken] = await openSlots(counselor, 5);
    const other = await client();
    await hold(other.accessToken, counselor.offering.id, taken);
    expect((await post(`/bookings/${booking.id}/reschedule`, user.accessToken, { startsAt: taken })).status).toBe(409);

    const moved = await post(`/bookings/${booking.id}/reschedule`, user.accessToken, { startsAt: later });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ status: 'confirmed', startsAt: later, rescheduledFrom: booking.startsAt });
    expect(moved.body.meetingUrl).toBe(booking.meetingUrl);
    expect(await openSlots(counselor, 2)).toContain(booking.startsAt);
    const event = (await bookingEvents(booking.id)).find((e) => e.type === 'booking.rescheduled')!;
    expect(event.data).toMatchObject({ startsAt: later, previousStartsAt: booking.startsAt });

    const [again] = await openSlots(counselor, 6);
    const twice = await post(`/bookings/${booking.id}/reschedule`, user.accessToken, { startsAt: again });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toMatch(/once/);
  });

  it('refuses under 12 h before the start', async () => {
    const { counselor, user, booking } = await confirmedBooking(40_000, 6);
    const [later] = await openSlots(counselor, 3);
    const refused = await post(`/bookings/${booking.id}/reschedule`, user.accessToken, { startsAt: later });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/12 hours/);
  });
});

describe('complete, no-show, auto-complete and review', () => {
  it('complete only after the end, no-show only after the start; then the client reviews once and the rating moves', async () => {
    const { counselor, user, booking } = await confirmedBooking(40_000, 48);
    expect((await post(`/bookings/${booking.id}/complete`, counselor.accessToken)).status).toBe(422);
    expect((await post(`/bookings/${booking.id}/no-show`, counselor.accessToken)).status).toBe(422);
    expect((await post(`/bookings/${booking.id}/complete`, user.accessToken)).status).toBe(403);
    const early = await post(`/bookings/${booking.id}/review`, user.accessToken, { rating: 5 });
    expect(early.status).toBe(422);

    await shiftBooking(booking.id, -20);
    expect((await post(`/bookings/${booking.id}/complete`, counselor.accessToken)).status).toBe(422);
    await shiftBooking(booking.id, -60);
    const completed = await post(`/bookings/${booking.id}/complete`, counselor.accessToken);
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    expect(countOf(await bookingEvents(booking.id), 'booking.completed')).toBe(1);
    expect((await post(`/bookings/${booking.id}/complete`, counselor.accessToken)).status).toBe(422);

    // The directory learns of the completion from the event: 422 until then, 201 once.
    const review = await waitFor(
      async () => {
        const response = await api(
          'POST',
          `/bookings/${booking.id}/review`,
          { rating: 4, comment: 'Helpful' },
          {
            token: user.accessToken,
          },
        );
        return response.status === 422 ? undefined : response;
      },
      { what: 'the review to be accepted' },
    );
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(
      (await api('POST', `/bookings/${booking.id}/review`, { rating: 2 }, { token: user.accessToken })).status,
    ).toBe(409);
    expect(
      (await api('POST', `/bookings/${booking.id}/review`, { rating: 9 }, { token: user.accessToken })).status,
    ).toBe(400);
    await expect.poll(async () => (await publicCounselor(counselor.id)).rating, { timeout: 10_000 }).toBe(4);
  });

  it('marks a no-show after the start; a confirmed session is auto-completed 2 h after its end', async () => {
    const noShow = await confirmedBooking(40_000, 48);
    await shiftBooking(noShow.booking.id, -10);
    const marked = await post(`/bookings/${noShow.booking.id}/no-show`, noShow.counselor.accessToken);
    expect(marked.status).toBe(200);
    expect(marked.body.status).toBe('no_show');

    const auto = await confirmedBooking(40_000, 48);
    await shiftBooking(auto.booking.id, -100);
    // Ended 50 minutes ago: not yet.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await getBooking(auto.user.accessToken, auto.booking.id)).status).toBe('confirmed');
    await shiftBooking(auto.booking.id, -200);
    await waitForBooking(auto.user.accessToken, auto.booking.id, (b) => b.status === 'completed', 'auto-complete');
    expect(countOf(await bookingEvents(auto.booking.id), 'booking.completed')).toBe(1);
  });
});

describe('counselor suspension', () => {
  it('cancels the counselor’s future bookings with full refunds and drops their unpaid holds', async () => {
    const { counselor, user, booking } = await confirmedBooking(40_000, 30);
    const [holdSlot] = await openSlots(counselor, 5);
    const other = await client();
    const held = await hold(other.accessToken, counselor.offering.id, holdSlot);

    const suspended = await api(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'Complaint under review' },
      {
        token: await loginAdmin(),
      },
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    const cancelled = await waitForBooking(
      user.accessToken,
      booking.id,
      (b) => b.status === 'cancelled',
      'suspension cancel',
    );
    expect(cancelled).toMatchObject({ cancelledBy: 'admin', refund: { amountPaise: 40_000 } });
    await waitForBooking(user.accessToken, booking.id, (b) => b.refund?.status === 'processed', 'refund processed');
    expect((await getBooking(other.accessToken, held.id)).status).toBe('cancelled');
    expect((await getBooking(other.accessToken, held.id)).refund).toBeUndefined();
    expect(countOf(await bookingEvents(booking.id), 'booking.cancelled')).toBe(1);
  });
});
