import { loadConfig } from '@haven/infrastructure';
import { waitFor } from '@haven/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { BookingConfig } from '../../apps/booking/src/config/booking.config';
import {
  RazorpayAuthenticationError,
  RazorpayRequestError,
  RazorpayUnavailableError,
} from '../../apps/booking/src/payments/razorpay/razorpay-errors';
import { RazorpayPayments } from '../../apps/booking/src/payments/razorpay/razorpay-payments';
import {
  PrivateSandbox,
  SANDBOX_CREDENTIALS,
  sandboxAdapter,
  sandboxCall,
  WebhookReceiver,
} from '../support/razorpay-sandbox';

const platformEnv = JSON.parse(inject('platformEnv')) as NodeJS.ProcessEnv;
let receipts = 0;
const receipt = () => `rcpt_${Date.now().toString(36)}_${(receipts += 1)}`;

describe("the platform's Razorpay sandbox", () => {
  it("answers the booking service's adapter as configured for the platform", async () => {
    const adapter = new RazorpayPayments(loadConfig(BookingConfig, platformEnv).razorpay);
    const order = await adapter.createOrder({ amount: 50_000, receipt: receipt() });
    expect(order.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(inject('razorpaySandboxUrl')).toBe(platformEnv.RAZORPAY_API_URL);
    expect((await adapter.fetchOrder(order.id)).amount).toBe(50_000);
  });
});

describe('Razorpay sandbox through the payments adapter', () => {
  const receiver = new WebhookReceiver();
  let sandbox: PrivateSandbox;
  let razorpay: RazorpayPayments;

  const faults = (body: object) => sandboxCall(sandbox.url, 'POST', '/sandbox/faults', body);
  const pay = async (orderId: string, outcome: 'success' | 'failure' = 'success', method: 'upi' | 'card' = 'upi') =>
    (await sandboxCall(sandbox.url, 'POST', `/sandbox/orders/${orderId}/pay`, { outcome, method })).body;
  const newOrder = (amount = 50_000) =>
    razorpay.createOrder({ amount, receipt: receipt(), notes: { bookingId: 'b-1' } });
  const ordersWithReceipt = async (reference: string): Promise<string[]> => {
    const response = await fetch(`${sandbox.url}/v1/orders?receipt=${reference}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.keyId}:${SANDBOX_CREDENTIALS.keySecret}`).toString('base64')}`,
      },
    });
    return ((await response.json()) as { items: { id: string }[] }).items.map((order) => order.id);
  };
  const eventsAbout = (id: string) => receiver.about(id).map((webhook) => webhook.body.event as string);
  const waitForEvents = (id: string, count: number, timeoutMs = 10_000) =>
    waitFor(() => (receiver.about(id).length >= count ? receiver.about(id) : undefined), {
      timeoutMs,
      intervalMs: 25,
      what: `${count} webhooks about ${id}`,
    });

  beforeAll(async () => {
    const webhookUrl = await receiver.start();
    sandbox = await PrivateSandbox.start(platformEnv, webhookUrl);
    razorpay = sandboxAdapter(sandbox.url);
  });

  afterAll(async () => {
    await sandbox?.stop();
    await receiver.stop();
  });

  beforeEach(async () => {
    receiver.respond = () => 200;
    expect((await sandboxCall(sandbox.url, 'DELETE', '/sandbox/faults')).status).toBe(204);
  });

  it('creates and fetches orders in Razorpay shape, and lists them by receipt', async () => {
    const reference = receipt();
    const created = await razorpay.createOrder({ amount: 29_935, receipt: reference, notes: { bookingId: 'b-9' } });
    expect(created).toMatchObject({
      entity: 'order',
      amount: 29_935,
      amount_paid: 0,
      amount_due: 29_935,
      currency: 'INR',
      receipt: reference,
      status: 'created',
      attempts: 0,
      notes: { bookingId: 'b-9' },
    });
    expect(created.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(await razorpay.fetchOrder(created.id)).toEqual(created);
    expect(await ordersWithReceipt(reference)).toEqual([created.id]);
    const anonymous = await sandboxCall(sandbox.url, 'GET', `/v1/orders?receipt=${reference}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' });
  });

  it('refuses an amount below ₹1 with a typed error naming the field, and an unknown id', async () => {
    const error = await razorpay.createOrder({ amount: 99, receipt: receipt() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RazorpayRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST_ERROR', field: 'amount' });
    expect((error as RazorpayRequestError).description).toBe('The amount must be at least INR 1.00');
    await expect(razorpay.fetchPayment('pay_DoesNotExist01')).rejects.toMatchObject({
      description: 'The id provided does not exist',
    });
  });

  it('refuses wrong credentials with an authentication error, without retrying', async () => {
    const intruder = sandboxAdapter(sandbox.url, { keySecret: 'not-the-secret' });
    await expect(intruder.createOrder({ amount: 10_000, receipt: receipt() })).rejects.toBeInstanceOf(
      RazorpayAuthenticationError,
    );
  });

  it('pays an order: a signature the adapter verifies, a captured payment, a paid order, signed webhooks', async () => {
    const order = await newOrder(50_000);
    const result = await pay(order.id, 'success', 'card');
    expect(result.razorpay_order_id).toBe(order.id);
    expect(result.razorpay_payment_id).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    const signed = { orderId: order.id, paymentId: result.razorpay_payment_id, signature: result.razorpay_signature };
    expect(razorpay.verifyCheckoutSignature(signed)).toBe(true);
    expect(razorpay.verifyCheckoutSignature({ ...signed, orderId: (await newOrder()).id })).toBe(false);

    const payment = await razorpay.fetchPayment(result.razorpay_payment_id);
    expect(payment).toMatchObject({
      status: 'captured',
      captured: true,
      amount: 50_000,
      order_id: order.id,
      method: 'card',
    });
    expect(payment).toMatchObject({ fee: 1180, tax: 180, refund_status: null, amount_refunded: 0 });
    expect(await razorpay.fetchOrder(order.id)).toMatchObject({
      status: 'paid',
      amount_paid: 50_000,
      amount_due: 0,
      attempts: 1,
    });
    expect((await razorpay.fetchOrderPayments(order.id)).items.map((item) => item.id)).toEqual([payment.id]);
    await expect(razorpay.capturePayment(payment.id, 50_000)).rejects.toMatchObject({
      description: 'This payment has already been captured',
    });

    const webhooks = await waitForEvents(order.id, 3);
    expect(webhooks.map((webhook) => webhook.body.event)).toEqual([
      'payment.authorized',
      'payment.captured',
      'order.paid',
    ]);
    for (const webhook of webhooks) {
      expect(webhook.headers['content-type']).toBe('application/json');
      expect(razorpay.verifyWebhookSignature(webhook.raw, webhook.headers['x-razorpay-signature'] as string)).toBe(
        true,
      );
      expect(webhook.headers['x-razorpay-event-id']).toMatch(/^evt_[A-Za-z0-9]{14}$/);
      expect(webhook.body).toMatchObject({ entity: 'event', account_id: expect.stringMatching(/^acc_/) });
    }
    const [authorized, , paid] = webhooks.map((webhook) => webhook.body);
    expect(authorized.contains).toEqual(['payment']);
    expect(authorized.payload.payment.entity).toMatchObject({ id: payment.id, status: 'authorized', captured: false });
    expect(paid.contains).toEqual(['payment', 'order']);
    expect(paid.payload.order.entity).toMatchObject({ id: order.id, status: 'paid' });
    expect(await pay(order.id)).toMatchObject({ error: { description: 'Order has already been paid' } });
  });

  it('fails a payment with payment.failed, and the order stays payable', async () => {
    const order = await newOrder();
    const failure = await pay(order.id, 'failure');
    expect(failure.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', metadata: { order_id: order.id } });
    expect(await razorpay.fetchPayment(failure.error.metadata.payment_id)).toMatchObject({
      status: 'failed',
      captured: false,
      error_reason: 'payment_failed',
    });
    expect(await razorpay.fetchOrder(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });
    const [failed] = await waitForEvents(order.id, 1);
    expect(failed.body.event).toBe('payment.failed');

    await pay(order.id, 'success');
    expect((await razorpay.fetchOrder(order.id)).status).toBe('paid');
    expect((await razorpay.fetchOrderPayments(order.id)).items.map((item) => item.status)).toEqual([
      'failed',
      'captured',
    ]);
  });

  it('duplicates webhooks with the same event id and the same signed bytes', async () => {
    await faults({ webhookDuplicates: 2 });
    const order = await newOrder();
    await pay(order.id);
    const webhooks = await waitForEvents(order.id, 9);
    await sleep(300);
    expect(receiver.about(order.id)).toHaveLength(9);
    const byEvent = new Map<string, typeof webhooks>();
    for (const webhook of webhooks) {
      const eventId = webhook.headers['x-razorpay-event-id'] as string;
      byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), webhook]);
    }
    expect(byEvent.size).toBe(3);
    for (const copies of byEvent.values()) {
      expect(copies).toHaveLength(3);
      expect(new Set(copies.map((copy) => copy.raw.toString())).size).toBe(1);
      expect(new Set(copies.map((copy) => copy.headers['x-razorpay-signature'])).size).toBe(1);
    }
  });

  it('drops webhooks: nothing arrives and the sandbox records them as dropped', async () => {
    await faults({ webhookDrop: true });
    const order = await newOrder();
    const { razorpay_payment_id: paymentId } = await pay(order.id);
    expect((await razorpay.fetchPayment(paymentId)).status).toBe('captured');
    await sleep(500);
    expect(receiver.about(order.id)).toEqual([]);
    const deliveries = (await sandboxCall(sandbox.url, 'GET', '/sandbox/webhook-deliveries')).body.items.slice(0, 3);
    expect(deliveries.map((delivery: { status: string }) => delivery.status)).toEqual([
      'dropped',
      'dropped',
      'dropped',
    ]);
  });

  it('delays webhooks by the requested time', async () => {
    await faults({ webhookDelayMs: 1000 });
    const order = await newOrder();
    const paidAt = Date.now();
    await pay(order.id);
    await sleep(600);
    expect(receiver.about(order.id)).toEqual([]);
    const webhooks = await waitForEvents(order.id, 3);
    expect(webhooks[0].at - paidAt).toBeGreaterThanOrEqual(1000);
  });

  it('shuffles the order in which one payment’s webhooks arrive', async () => {
    await faults({ webhookShuffle: true });
    const order = await newOrder();
    await pay(order.id);
    await waitForEvents(order.id, 3);
    const events = eventsAbout(order.id);
    expect([...events].sort()).toEqual(['order.paid', 'payment.authorized', 'payment.captured']);
    expect(events).not.toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
  });

  it('retries a failing receiver with growing waits until it answers 2xx', async () => {
    const order = await newOrder();
    const attempts = new Map<string, number[]>();
    receiver.respond = (webhook) => {
      if (!webhook.raw.includes(order.id) || webhook.body.event !== 'order.paid') return 200;
      const times = attempts.get('order.paid') ?? [];
      times.push(webhook.at);
      attempts.set('order.paid', times);
      return times.length <= 3 ? 503 : 200;
    };
    await pay(order.id);
    const paid = await waitFor(() => receiver.about(order.id).find((webhook) => webhook.body.event === 'order.paid'), {
      timeoutMs: 15_000,
      what: 'order.paid after retries',
    });
    const times = attempts.get('order.paid')!;
    expect(times).toHaveLength(4);
    const gaps = times.slice(1).map((time, index) => time - times[index]);
    expect(gaps[0]).toBeGreaterThanOrEqual(250);
    expect(gaps[2]).toBeGreaterThan(gaps[0] * 2);
    const refusedIds = receiver.refused
      .filter((webhook) => webhook.raw.includes(order.id))
      .map((w) => w.headers['x-razorpay-event-id']);
    expect(new Set([...refusedIds, paid.headers['x-razorpay-event-id']]).size).toBe(1);
  });

  it('fails the next API calls like an outage: a GET is retried, and exhausted retries report unavailable', async () => {
    const order = await newOrder();
    await faults({ apiFailNext: 2 });
    expect((await razorpay.fetchOrder(order.id)).id).toBe(order.id);

    await faults({ apiFailNext: 3 });
    const error = await razorpay.fetchOrder(order.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RazorpayUnavailableError);
    expect(error).toMatchObject({ statusCode: 503, retryable: true });

    await faults({ apiFailNext: 1 });
    const reference = receipt();
    const created = await razorpay.createOrder({ amount: 20_000, receipt: reference });
    expect((await sandboxCall(sandbox.url, 'GET', '/sandbox/faults')).body.apiFailNext).toBe(0);
    expect(await ordersWithReceipt(reference)).toEqual([created.id]);
  });

  it('reports an unreachable Razorpay as unavailable', async () => {
    const unreachable = sandboxAdapter('http://127.0.0.1:9', { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(unreachable.fetchOrder('order_Unreachable0001')).rejects.toBeInstanceOf(RazorpayUnavailableError);
  });

  it('answers requests for the same full refund sent at once with one refund (two replicas retrying it)', async () => {
    const order = await newOrder(30_000);
    const { razorpay_payment_id: paymentId } = await pay(order.id);
    const key = `refund-${order.id}-race`;
    const refunds = await Promise.all(
      Array.from({ length: 4 }, () => razorpay.refundPayment(paymentId, { idempotencyKey: key })),
    );
    expect(new Set(refunds.map((refund) => refund.id)).size).toBe(1);
    expect(await razorpay.fetchPayment(paymentId)).toMatchObject({ amount_refunded: 30_000, status: 'refunded' });
  });

  it('refunds in part and in full, refuses over-refunds, and honours the idempotency key', async () => {
    const order = await newOrder(50_000);
    const { razorpay_payment_id: paymentId } = await pay(order.id);

    const partial = await razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-1`, amount: 10_000 });
    expect(partial).toMatchObject({ entity: 'refund', amount: 10_000, payment_id: paymentId, status: 'pending' });
    expect(partial.id).toMatch(/^rfnd_[A-Za-z0-9]{14}$/);
    const again = await razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-1`, amount: 10_000 });
    expect(again.id).toBe(partial.id);
    await expect(
      razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-1`, amount: 20_000 }),
    ).rejects.toBeInstanceOf(RazorpayRequestError);
    expect(await razorpay.fetchPayment(paymentId)).toMatchObject({
      amount_refunded: 10_000,
      refund_status: 'partial',
      status: 'captured',
    });

    const overRefund = await razorpay
      .refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-2`, amount: 40_001 })
      .catch((caught: unknown) => caught);
    expect(overRefund).toMatchObject({ statusCode: 400, field: 'amount' });
    await expect(
      razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-3`, amount: 99 }),
    ).rejects.toMatchObject({ field: 'amount' });

    const rest = await razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-4` });
    expect(rest.amount).toBe(40_000);
    expect(await razorpay.fetchPayment(paymentId)).toMatchObject({
      amount_refunded: 50_000,
      refund_status: 'full',
      status: 'refunded',
    });
    await expect(
      razorpay.refundPayment(paymentId, { idempotencyKey: `refund-${order.id}-5`, amount: 100 }),
    ).rejects.toBeInstanceOf(RazorpayRequestError);

    const processed = await waitFor(
      () => {
        const events = receiver.about(paymentId).filter((webhook) => webhook.body.event === 'refund.processed');
        return events.length === 2 ? events : undefined;
      },
      { what: 'two refund.processed webhooks' },
    );
    for (const webhook of processed) {
      expect(webhook.body.contains).toEqual(['refund', 'payment']);
      expect(webhook.body.payload.refund.entity.status).toBe('processed');
      expect(razorpay.verifyWebhookSignature(webhook.raw, webhook.headers['x-razorpay-signature'] as string)).toBe(
        true,
      );
    }
    expect(await razorpay.fetchRefund(partial.id)).toMatchObject({ status: 'processed', speed_processed: 'normal' });
    const refunds = await razorpay.listRefunds({ paymentId });
    expect(refunds.items.map((refund) => refund.id).sort()).toEqual([partial.id, rest.id].sort());
  });

  it('lists captures and refunds in the recon report, settles them, and lists payments for reconciliation', async () => {
    const order = await newOrder(30_000);
    const { razorpay_payment_id: paymentId } = await pay(order.id);
    const refund = await razorpay.refundPayment(paymentId, { idempotencyKey: `recon-${order.id}`, amount: 5_000 });
    const today = new Date(Date.now() + 5.5 * 3600_000);
    const recon = await razorpay.settlementRecon({
      year: today.getUTCFullYear(),
      month: today.getUTCMonth() + 1,
      day: today.getUTCDate(),
      count: 1000,
    });
    const paymentRow = recon.items.find((row) => row.entity_id === paymentId);
    const refundRow = recon.items.find((row) => row.entity_id === refund.id);
    expect(paymentRow).toMatchObject({ type: 'payment', amount: 30_000, fee: 708, tax: 108, credit: 29_292, debit: 0 });
    expect(paymentRow).toMatchObject({ order_id: order.id, order_receipt: order.receipt, settled: false });
    expect(refundRow).toMatchObject({ type: 'refund', amount: 5_000, debit: 5_000, credit: 0, payment_id: paymentId });

    const settlement = (await sandboxCall(sandbox.url, 'POST', '/sandbox/settlements')).body;
    expect(settlement.id).toMatch(/^setl_[A-Za-z0-9]{14}$/);
    expect(await razorpay.fetchSettlement(settlement.id)).toMatchObject({
      entity: 'settlement',
      amount: settlement.amount,
    });
    const settled = await razorpay.settlementRecon({
      year: today.getUTCFullYear(),
      month: today.getUTCMonth() + 1,
      count: 1000,
    });
    const inSettlement = settled.items.filter((row) => row.settlement_id === settlement.id);
    expect(inSettlement.map((row) => row.entity_id)).toEqual(expect.arrayContaining([paymentId, refund.id]));
    expect(inSettlement.every((row) => row.settled)).toBe(true);
    expect(inSettlement.reduce((sum, row) => sum + row.credit - row.debit, 0)).toBe(settlement.amount);
    const [processed] = await waitForEvents(settlement.id, 1);
    expect(processed.body).toMatchObject({ event: 'settlement.processed', contains: ['settlement'] });
    expect((await sandboxCall(sandbox.url, 'POST', '/sandbox/settlements')).body.error.description).toBe(
      'There is nothing to settle',
    );

    const payments = await razorpay.listPayments({ from: new Date(Date.now() - 60_000), count: 100 });
    expect(payments.items.map((payment) => payment.id)).toContain(paymentId);
    const future = await razorpay.listPayments({ from: new Date(Date.now() + 3600_000) });
    expect(future.items).toEqual([]);
  });

  it('plants a discrepancy: a changed recorded amount shows in the API and recon', async () => {
    const order = await newOrder(40_000);
    const { razorpay_payment_id: paymentId } = await pay(order.id);
    const changed = await sandboxCall(sandbox.url, 'POST', `/sandbox/payments/${paymentId}/amount`, { amount: 39_000 });
    expect(changed.status).toBe(200);
    expect((await razorpay.fetchPayment(paymentId)).amount).toBe(39_000);
    expect(
      (await sandboxCall(sandbox.url, 'POST', `/sandbox/payments/${paymentId}/amount`, { amount: 5 })).body.error.field,
    ).toBe('amount');
  });

  it('refuses bad sandbox input with a 400 naming the field', async () => {
    const order = await newOrder();
    const badPay = await sandboxCall(sandbox.url, 'POST', `/sandbox/orders/${order.id}/pay`, { outcome: 'maybe' });
    expect(badPay.status).toBe(400);
    expect(badPay.body.error.field).toBe('outcome');
    const badFaults = await faults({ webhookDuplicates: -1 });
    expect(badFaults.status).toBe(400);
    expect(badFaults.body.error.field).toBe('webhookDuplicates');
  });

  it('serves a checkout page showing the amount in rupees', async () => {
    const order = await newOrder(29_935);
    const page = await fetch(
      `${sandbox.url}/sandbox/checkout/${order.id}?callback_url=${encodeURIComponent('http://app.test/return')}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('₹299.35');
    expect(html).toContain(order.id);
    expect((await fetch(`${sandbox.url}/sandbox/checkout/order_Missing0000001`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/sandbox/checkout/${order.id}?callback_url=javascript:alert(1)`)).status).toBe(
      400,
    );
  });

  it('keeps orders, payments and undelivered webhooks across a restart', async () => {
    const order = await newOrder(25_000);
    receiver.respond = (webhook) => (webhook.raw.includes(order.id) ? 503 : 200);
    const { razorpay_payment_id: paymentId } = await pay(order.id);
    await waitFor(() => (receiver.refused.some((webhook) => webhook.raw.includes(order.id)) ? true : undefined), {
      what: 'a refused delivery',
    });

    await sandbox.restart();
    razorpay = sandboxAdapter(sandbox.url);
    receiver.respond = () => 200;
    expect(await razorpay.fetchOrder(order.id)).toMatchObject({ status: 'paid' });
    expect(await razorpay.fetchPayment(paymentId)).toMatchObject({ status: 'captured' });
    const webhooks = await waitForEvents(order.id, 3, 15_000);
    expect(new Set(webhooks.map((webhook) => webhook.body.event))).toEqual(
      new Set(['payment.authorized', 'payment.captured', 'order.paid']),
    );
  });
});
