import { createServiceContext, type ServiceContext } from '@haven/testing/service-context';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications.schema';
import { PreferencesService } from '../preferences/preferences.service';
import type { NotificationInput } from '../templates/notification-input';
import { Dispatcher } from './dispatcher';
import { channelJobId, EMAIL_QUEUE, FAN_OUT, FAN_OUT_QUEUE, IN_APP_QUEUE, SMS_QUEUE } from './queues';
import { DeliveryLog } from './delivery-log';

const databaseUrl = `${inject('databaseUrl')}_dispatcher`;
const input: NotificationInput = {
  type: 'booking.expired',
  session: {
    bookingId: randomUUID(),
    counselorName: 'Dr. Asha Rao',
    offeringTitle: 'Video session',
    mode: 'video',
    startsAt: '2026-12-20T04:30:00.000Z',
    endsAt: '2026-12-20T05:20:00.000Z',
    durationMinutes: 50,
    amountPaise: 50_000,
    meetingUrl: null,
  },
} as NotificationInput;

describe('Dispatcher: deliveries survive a Redis that lost their jobs', () => {
  let context: ServiceContext;
  let dispatcher: Dispatcher;
  let deliveryLog: DeliveryLog;
  let dataSource: DataSource;
  let inApp: Queue;
  let email: Queue;
  let fanOut: Queue;

  beforeAll(async () => {
    context = await createServiceContext({
      schema: 'notifications',
      databaseUrl,
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
      redis: { url: inject('redisUrl'), prefix: inject('redisPrefix') },
      queues: [EMAIL_QUEUE, SMS_QUEUE, IN_APP_QUEUE, FAN_OUT_QUEUE],
      providers: [Dispatcher, PreferencesService, DeliveryLog],
    });
    dispatcher = context.module.get(Dispatcher);
    deliveryLog = context.module.get(DeliveryLog);
    dataSource = context.dataSource;
    inApp = context.queue(IN_APP_QUEUE);
    email = context.queue(EMAIL_QUEUE);
    fanOut = context.queue(FAN_OUT_QUEUE);
  });

  afterAll(() => context?.close());

  /** Decided a minute ago, as if its jobs had been waiting since. */
  async function decideAMinuteAgo(key: string): Promise<void> {
    await dataSource.transaction((manager) => dispatcher.dispatch(randomUUID(), key, input, manager));
    await dataSource.query(
      `UPDATE "notifications"."deliveries" SET "created_at" = now() - interval '1 minute' WHERE "notification_key" = $1`,
      [key],
    );
  }

  it('queues again the jobs of unsent deliveries after Redis forgot them, once per channel', async () => {
    const key = `evt-${randomUUID()}`;
    await decideAMinuteAgo(key);
    expect(await inApp.getJob(channelJobId('in-app', key))).toBeDefined();

    await Promise.all([inApp.obliterate({ force: true }), email.obliterate({ force: true })]);
    expect(await inApp.getJob(channelJobId('in-app', key))).toBeUndefined();

    expect(await dispatcher.requeueUnsent()).toBeGreaterThanOrEqual(2);
    const requeued = await inApp.getJob(channelJobId('in-app', key));
    expect(requeued?.data).toMatchObject({ key, input: { type: 'booking.expired' } });
    expect(await email.getJob(channelJobId('email', key))).toBeDefined();
    // A second sweep adds nothing: the job ids are the same.
    await dispatcher.requeueUnsent();
    expect(
      (await inApp.getJobs(['waiting', 'delayed', 'prioritized'])).filter((job) => job.data.key === key),
    ).toHaveLength(1);
  });

  it('queues again a notification for a role (finance alert) whose fan-out job Redis forgot, until it is expanded', async () => {
    const key = `evt-${randomUUID()}`;
    await dataSource.transaction((manager) => dispatcher.dispatchToRole('finance', key, input, manager));
    await dataSource.query(
      `UPDATE "notifications"."deliveries" SET "created_at" = now() - interval '1 minute' WHERE "notification_key" = $1`,
      [key],
    );
    expect(await fanOut.getJob(`fan-out-${key}`)).toBeDefined();

    await fanOut.obliterate({ force: true });
    await dispatcher.requeueUnsent();
    expect((await fanOut.getJob(`fan-out-${key}`))?.data).toMatchObject({
      key,
      role: 'finance',
      input: { type: 'booking.expired' },
    });

    // Once the fan-out ran (it records its expansion), the sweep leaves it alone.
    await fanOut.obliterate({ force: true });
    await deliveryLog.recordSent(key, FAN_OUT);
    await dispatcher.requeueUnsent();
    expect(await fanOut.getJob(`fan-out-${key}`)).toBeUndefined();
  });

  it('leaves alone what was sent, and what was decided only moments ago', async () => {
    const sentKey = `evt-${randomUUID()}`;
    await decideAMinuteAgo(sentKey);
    await deliveryLog.recordSent(sentKey, 'in-app');
    await deliveryLog.sendOnce(sentKey, 'email', () => Promise.resolve());
    const freshKey = `evt-${randomUUID()}`;
    await dataSource.transaction((manager) => dispatcher.dispatch(randomUUID(), freshKey, input, manager));
    await Promise.all([inApp.obliterate({ force: true }), email.obliterate({ force: true })]);

    await dispatcher.requeueUnsent();
    expect(await inApp.getJob(channelJobId('in-app', sentKey))).toBeUndefined();
    expect(await inApp.getJob(channelJobId('in-app', freshKey))).toBeUndefined();
  });

  it('stops queueing a delivery that was skipped or failed for good', async () => {
    const skippedKey = `evt-${randomUUID()}`;
    await decideAMinuteAgo(skippedKey);
    await deliveryLog.settle(skippedKey, 'in-app', 'skipped: no active account');
    await deliveryLog.settle(skippedKey, 'email', 'failed');
    await Promise.all([inApp.obliterate({ force: true }), email.obliterate({ force: true })]);

    await dispatcher.requeueUnsent();
    expect(await inApp.getJob(channelJobId('in-app', skippedKey))).toBeUndefined();
    expect(await email.getJob(channelJobId('email', skippedKey))).toBeUndefined();
  });

  it('keeps the outcome a fast worker wrote before the deciding transaction committed', async () => {
    const key = `evt-${randomUUID()}`;
    await dataSource.transaction(async (manager) => {
      await dispatcher.dispatch(randomUUID(), key, input, manager);
      // The jobs are queued inside the transaction; a worker can finish them before it commits.
      await deliveryLog.recordSent(key, 'in-app');
      await deliveryLog.settle(key, 'email', 'skipped: no active account');
    });
    await dataSource.query(
      `UPDATE "notifications"."deliveries" SET "created_at" = now() - interval '1 minute' WHERE "notification_key" = $1`,
      [key],
    );
    await Promise.all([inApp.obliterate({ force: true }), email.obliterate({ force: true })]);

    await dispatcher.requeueUnsent();
    expect(await inApp.getJob(channelJobId('in-app', key))).toBeUndefined();
    expect(await email.getJob(channelJobId('email', key))).toBeUndefined();
  });

  it('finds a lost delivery behind more than a sweep batch of deliveries that will never go out', async () => {
    // A day of SMS deliveries to users without a phone number, older than the lost confirmation.
    const skipped: { notification_key: string }[] = await dataSource.query(
      `INSERT INTO "notifications"."deliveries" ("notification_key", "channel", "user_id", "type", "input", "created_at")
       SELECT 'skipped-' || g || '-' || $1, 'sms', gen_random_uuid(), 'booking.expired', '{}'::jsonb, now() - interval '2 minutes'
         FROM generate_series(1, 600) g
       RETURNING "notification_key"`,
      [randomUUID()],
    );
    for (const { notification_key } of skipped) {
      await deliveryLog.settle(notification_key, 'sms', 'skipped: no active account with a phone number');
    }
    const lostKey = `evt-${randomUUID()}`;
    await decideAMinuteAgo(lostKey);
    await Promise.all([inApp.obliterate({ force: true }), email.obliterate({ force: true })]);

    await dispatcher.requeueUnsent();
    expect((await inApp.getJob(channelJobId('in-app', lostKey)))?.data).toMatchObject({ key: lostKey });
  });

  it('records no delivery when the deciding transaction rolls back', async () => {
    const key = `evt-${randomUUID()}`;
    await expect(
      dataSource.transaction(async (manager) => {
        await dispatcher.dispatch(randomUUID(), key, input, manager);
        throw new Error('the event handler failed');
      }),
    ).rejects.toThrow('the event handler failed');
    const rows: unknown[] = await dataSource.query(
      `SELECT 1 FROM "notifications"."deliveries" WHERE "notification_key" = $1`,
      [key],
    );
    expect(rows).toHaveLength(0);
  });
});
