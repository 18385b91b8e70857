import { waitFor } from '@haven/testing';
import { createTestInfrastructure, type TestInfrastructure } from '@haven/testing/infrastructure';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  book,
  client,
  getBooking,
  hold,
  openCounselor,
  openSlots,
  payOrder,
  sandbox,
  verify,
  waitForBooking,
} from '../support/bookings';
import { targetPlatform } from '../support/http';
import { type RunningPlatform, startPlatform } from '../support/platform';

/**
 * Razorpay and the booking service going away mid-flow. This file runs a private platform (own
 * database, vhost and job prefix) whose Razorpay sandbox and booking service it stops and starts,
 * without disturbing the other tests.
 */
describe('outages in the middle of a payment', () => {
  let infrastructure: TestInfrastructure;
  let platform: RunningPlatform;
  let db: Pool;

  beforeAll(async () => {
    infrastructure = await createTestInfrastructure('payment_outages');
    platform = await startPlatform({
      ...JSON.parse(inject('platformEnv')),
      DATABASE_URL: infrastructure.databaseUrl,
      RABBITMQ_URL: infrastructure.rabbitmqUrl,
      REDIS_PREFIX: infrastructure.redisPrefix,
      // Holds outlive the outages; RPCs to a stopped service give up soon.
      BOOKING_HOLD_TTL_SECONDS: '300',
      RPC_TIMEOUT_MS: '3000',
    });
    targetPlatform(platform);
    db = new Pool({ connectionString: infrastructure.databaseUrl, max: 1 });
  });

  afterAll(async () => {
    targetPlatform(undefined);
    await db?.end();
    await platform?.close();
    await infrastructure?.teardown();
  });

  it('Razorpay restarted mid-flow: clear 503s while it is down, and the hold is paid once it is back', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [first, second] = await openSlots(counselor, 2);
    const kim = await client('kim');
    const held = await hold(kim.accessToken, counselor.offering.id, first);

    await platform.stop('razorpaySandbox');
    const startedAt = Date.now();
    const refused = await book(kim.accessToken, counselor.offering.id, second);
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body.message).toMatch(/try again/i);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    // What is already held is untouched, and reading it needs no Razorpay.
    expect((await getBooking(kim.accessToken, held.id)).status).toBe('pending_payment');

    await platform.start('razorpaySandbox');
    // The order made before the restart is still there to pay (the sandbox keeps its state in its schema).
    const confirmed = await verify(kim.accessToken, held.id, await payOrder(held.payment!.orderId));
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect((await book(kim.accessToken, counselor.offering.id, second)).status).toBe(201);
  });

  it('webhooks answered 5xx while the booking service is down, nothing stored; a redelivery confirms', async () => {
    const counselor = await openCounselor({ pricePaise: 30_000 });
    const [slot] = await openSlots(counselor, 3);
    const lee = await client('lee');
    const held = await hold(lee.accessToken, counselor.offering.id, slot);
    const orderId = held.payment!.orderId;

    const storedEvents = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM booking.razorpay_webhook_events`)).rows[0].n as number;
    const storedBefore = await storedEvents();

    await platform.stop('booking');
    try {
      await payOrder(orderId);
      // The sandbox's deliveries of this payment's webhooks: refused (5xx), to be retried, not delivered.
      const refused = await waitFor(
        async () => {
          const response = await sandbox('GET', '/sandbox/webhook-deliveries');
          const failed = (response.body.items as Delivery[]).filter(
            (delivery) => delivery.status !== 'delivered' && typeof delivery.last_error === 'string',
          );
          return failed.length > 0 ? failed : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 250, what: 'a webhook delivery refused' },
      );
      for (const delivery of refused) expect(delivery.last_error).toMatch(/\b5\d\d\b/);
      expect(await storedEvents()).toBe(storedBefore);
    } finally {
      await platform.start('booking');
    }

    const confirmed = await waitForBooking(
      lee.accessToken,
      held.id,
      (booking) => booking.status === 'confirmed',
      'confirmation by a redelivered webhook',
      30_000,
    );
    expect(confirmed.meetingUrl).toBeDefined();
    expect(await storedEvents()).toBeGreaterThan(storedBefore);
  });
});

interface Delivery {
  event_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
}
