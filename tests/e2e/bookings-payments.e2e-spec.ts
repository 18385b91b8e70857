import { createHmac, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { bookingDb } from '../support/booking';
import {
  accountBalances,
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
  sandbox,
  setFaults,
  verify,
  waitForBooking,
} from '../support/bookings';
import { api } from '../support/http';
import { SANDBOX_CREDENTIALS } from '../support/razorpay-sandbox';

/** After a payment, long enough for every webhook (and its duplicates) to have been delivered and acted on. */
async function settle(ms = 2_500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** One payment, one capture posting, one confirmation and one captured event: the same end state whatever happened. */
async function expectPaidOnce(bookingId: string, pricePaise: number): Promise<void> {
  expect(await paymentRows(bookingId)).toHaveLength(1);
  expect(await ledgerOf(bookingId)).toEqual([
    { memo: expect.stringMatching(/captured/), debits: pricePaise, credits: pricePaise },
  ]);
  const events = await bookingEvents(bookingId);
  expect(countOf(events, 'booking.confirmed')).toBe(1);
  expect(countOf(events, 'payment.captured')).toBe(1);
}

function signedWebhook(body: object, eventId = `evt_${randomUUID().replace(/-/g, '').slice(0, 14)}`) {
  const raw = JSON.stringify(body);
  const signature = createHmac('sha256', SANDBOX_CREDENTIALS.webhookSecret).update(raw).digest('hex');
  return { raw, headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId } };
}

// Sandbox faults apply to every webhook, so these tests run one after another.
describe.sequential('Razorpay payments and webhooks', () => {
  afterEach(async () => {
    expect((await sandbox('DELETE', '/sandbox/faults')).status).toBe(204);
  });

  it('confirms by webhook alone (no verify call), with duplicated webhooks, once', async () => {
    await setFaults({ webhookDuplicates: 3 });
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const alice = await client('alice');
    const held = await hold(alice.accessToken, counselor.offering.id, slot);
    await payOrder(held.payment!.orderId);
    const confirmed = await waitForBooking(
      alice.accessToken,
      held.id,
      (b) => b.status === 'confirmed',
      'webhook confirmation',
    );
    expect(confirmed.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/haven-/);
    await settle();
    await expectPaidOnce(held.id, 30_000);
  });

  it('gives the same end state when the webhooks arrive shuffled', async () => {
    await setFaults({ webhookShuffle: true });
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const bob = await client('bob');
    const held = await hold(bob.accessToken, counselor.offering.id, slot);
    await payOrder(held.payment!.orderId);
    await waitForBooking(bob.accessToken, held.id, (b) => b.status === 'confirmed', 'shuffled confirmation');
    await settle();
    await expectPaidOnce(held.id, 30_000);
  });

  it('confirms by verify first when webhooks are late, and the late webhooks change nothing', async () => {
    await setFaults({ webhookDelayMs: 1_500 });
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const carol = await client('carol');
    const held = await hold(carol.accessToken, counselor.offering.id, slot);
    const checkout = await payOrder(held.payment!.orderId);
    const verified = await verify(carol.accessToken, held.id, checkout);
    expect(verified.body.status).toBe('confirmed');
    await settle(4_000);
    expect((await getBooking(carol.accessToken, held.id)).meetingUrl).toBe(verified.body.meetingUrl);
    await expectPaidOnce(held.id, 30_000);
  });

  it('with every webhook dropped and no verify, the expiry check finds the payment and confirms', async () => {
    await setFaults({ webhookDrop: true });
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const dave = await client('dave');
    const held = await hold(dave.accessToken, counselor.offering.id, slot);
    await payOrder(held.payment!.orderId);
    await settle(1_000);
    expect((await getBooking(dave.accessToken, held.id)).status).toBe('pending_payment');
    const confirmed = await waitForBooking(
      dave.accessToken,
      held.id,
      (b) => b.status === 'confirmed',
      'expiry-time check',
      25_000,
    );
    expect(confirmed.meetingUrl).toBeDefined();
    await expectPaidOnce(held.id, 30_000);
    expect(countOf(await bookingEvents(held.id), 'booking.expired')).toBe(0);
  });

  it('a failed payment tells the client and keeps the hold payable; an unpaid hold expires and frees the slot', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const erin = await client('erin');
    const held = await hold(erin.accessToken, counselor.offering.id, slot);
    const failed = await sandbox('POST', `/sandbox/orders/${held.payment!.orderId}/pay`, { outcome: 'failure' });
    expect(failed.status).toBe(200);
    await waitForBooking(erin.accessToken, held.id, () => true, 'booking');
    await expect.poll(async () => countOf(await bookingEvents(held.id), 'payment.failed'), { timeout: 10_000 }).toBe(1);
    expect((await getBooking(erin.accessToken, held.id)).status).toBe('pending_payment');
    const expired = await waitForBooking(
      erin.accessToken,
      held.id,
      (b) => b.status === 'expired',
      'hold expiry',
      25_000,
    );
    expect(expired.expiresAt).toBeUndefined();
    expect(countOf(await bookingEvents(held.id), 'booking.expired')).toBe(1);
    expect(await openSlots(counselor, 3)).toContain(slot);
    expect(await ledgerOf(held.id)).toEqual([]);
  });

  it('a payment after expiry confirms when the slot is still free', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const frank = await client('frank');
    const held = await hold(frank.accessToken, counselor.offering.id, slot);
    await waitForBooking(frank.accessToken, held.id, (b) => b.status === 'expired', 'hold expiry', 25_000);
    const checkout = await payOrder(held.payment!.orderId);
    const late = await verify(frank.accessToken, held.id, checkout);
    expect(late.status).toBe(200);
    expect(late.body.status).toBe('confirmed');
    expect(late.body.meetingUrl).toBeDefined();
    await settle();
    await expectPaidOnce(held.id, 30_000);
  });

  it('a payment after expiry whose slot was taken is refunded in full automatically', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const grace = await client('grace');
    const heidi = await client('heidi');
    const lapsed = await hold(grace.accessToken, counselor.offering.id, slot);
    await waitForBooking(grace.accessToken, lapsed.id, (b) => b.status === 'expired', 'hold expiry', 25_000);
    const taken = await hold(heidi.accessToken, counselor.offering.id, slot);
    expect((await verify(heidi.accessToken, taken.id, await payOrder(taken.payment!.orderId))).body.status).toBe(
      'confirmed',
    );

    await payOrder(lapsed.payment!.orderId);
    const refunded = await waitForBooking(
      grace.accessToken,
      lapsed.id,
      (b) => b.refund?.status === 'processed',
      'automatic refund',
      25_000,
    );
    expect(refunded).toMatchObject({ status: 'expired', refund: { amountPaise: 30_000, status: 'processed' } });
    expect((await getBooking(heidi.accessToken, taken.id)).status).toBe('confirmed');
    const events = await bookingEvents(lapsed.id);
    expect(countOf(events, 'booking.confirmed')).toBe(0);
    expect(countOf(events, 'refund.processed')).toBe(1);
    // Paid in, paid back: every account of the booking is back to zero.
    for (const balance of Object.values(await accountBalances(lapsed.id))) expect(balance).toBe(0);
  });

  it('withdraws the hold and answers 503 when Razorpay cannot create the order; the slot stays free', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const ivan = await client('ivan');
    await setFaults({ apiFailNext: 3 });
    const refused = await book(ivan.accessToken, counselor.offering.id, slot);
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(await openSlots(counselor, 3)).toContain(slot);
    const { rows } = await bookingDb().query(`SELECT count(*)::int AS n FROM booking.bookings WHERE client_id = $1`, [
      ivan.user.id,
    ]);
    expect(rows[0].n).toBe(0);
    await sandbox('DELETE', '/sandbox/faults');
    expect((await book(ivan.accessToken, counselor.offering.id, slot)).status).toBe(201);
  });

  it('webhook intake: 400 and nothing stored for a bad signature; a replayed event acts once', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const judy = await client('judy');
    const held = await hold(judy.accessToken, counselor.offering.id, slot);
    await setFaults({ webhookDrop: true });
    const checkout = await payOrder(held.payment!.orderId);
    const fetched = await sandboxPayment(checkout.razorpay_payment_id);
    const event = {
      entity: 'event',
      account_id: 'acc_HavenSandbox01',
      event: 'payment.captured',
      contains: ['payment'],
      payload: { payment: { entity: fetched } },
      created_at: Math.floor(Date.now() / 1000),
    };
    const good = signedWebhook(event);
    const forged = await api('POST', '/webhooks/razorpay', undefined, {
      raw: good.raw.replace('payment.captured', 'payment.captured '),
      headers: good.headers,
    });
    expect(forged.status).toBe(400);
    const stored = await bookingDb().query(
      `SELECT count(*)::int AS n FROM booking.razorpay_webhook_events WHERE event_id = $1`,
      [good.headers['x-razorpay-event-id']],
    );
    expect(stored.rows[0].n).toBe(0);
    expect((await getBooking(judy.accessToken, held.id)).status).toBe('pending_payment');

    const responses = await Promise.all(
      [1, 2, 3].map(() => api('POST', '/webhooks/razorpay', undefined, { raw: good.raw, headers: good.headers })),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    await waitForBooking(judy.accessToken, held.id, (b) => b.status === 'confirmed', 'webhook confirmation');
    // The same capture under a new event id (a replay Razorpay generated anew) still changes nothing.
    const replay = signedWebhook(event);
    expect(
      (await api('POST', '/webhooks/razorpay', undefined, { raw: replay.raw, headers: replay.headers })).status,
    ).toBe(200);
    await settle(1_500);
    await expectPaidOnce(held.id, 30_000);
    const noId = await api('POST', '/webhooks/razorpay', undefined, {
      raw: good.raw,
      headers: { 'x-razorpay-signature': good.headers['x-razorpay-signature'] },
    });
    expect(noId.status).toBe(400);
  });
});

async function sandboxPayment(paymentId: string): Promise<Record<string, unknown>> {
  const auth = Buffer.from(`${SANDBOX_CREDENTIALS.keyId}:${SANDBOX_CREDENTIALS.keySecret}`).toString('base64');
  const response = await fetch(`${inject('razorpaySandboxUrl')}/v1/payments/${paymentId}`, {
    headers: { authorization: `Basic ${auth}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}
