import { createServiceContext, type ServiceContext } from '@haven/testing/service-context';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BookingCopy } from '../bookings/booking-copy';
import { Dispatcher } from '../delivery/dispatcher';
import {
  type ChannelJob,
  EMAIL_QUEUE,
  FAN_OUT_QUEUE,
  IN_APP_QUEUE,
  REMINDERS_QUEUE,
  SMS_QUEUE,
} from '../delivery/queues';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications.schema';
import { PreferencesService } from '../preferences/preferences.service';
import { type ReminderKey, reminderJobId } from './reminder-schedule';
import { RemindersService } from './reminders.service';

const databaseUrl = `${inject('databaseUrl')}_reminders`;

describe('RemindersService: a reminder whose job Redis lost just before it fell due', () => {
  let context: ServiceContext;
  let reminders: RemindersService;
  let dataSource: DataSource;
  let remindersQueue: Queue<ReminderKey>;

  beforeAll(async () => {
    context = await createServiceContext({
      schema: 'notifications',
      databaseUrl,
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
      redis: { url: inject('redisUrl'), prefix: inject('redisPrefix') },
      queues: [REMINDERS_QUEUE, EMAIL_QUEUE, SMS_QUEUE, IN_APP_QUEUE, FAN_OUT_QUEUE],
      providers: [RemindersService, BookingCopy, PreferencesService, Dispatcher],
    });
    reminders = context.module.get(RemindersService);
    dataSource = context.dataSource;
    remindersQueue = context.queue(REMINDERS_QUEUE);
  });

  afterAll(() => context?.close());

  it('is scheduled by the sweep and sent exactly once, however often the sweep runs', async () => {
    const bookingId = randomUUID();
    const clientId = randomUUID();
    // The session starts in 59 minutes: its 60-minute reminder fell due a minute ago.
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 59 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    await dataSource.query(
      `INSERT INTO "notifications"."bookings" ("booking_id", "client_id", "counselor_id", "counselor_name", "offering_id",
         "offering_title", "mode", "starts_at", "ends_at", "duration_minutes", "amount_paise", "meeting_url", "status", "version_at")
       VALUES ($1, $2, $3, 'Dr. Asha Rao', $4, 'Video session', 'video', $5, $6, 50, 50000, NULL, 'confirmed', now())`,
      [bookingId, clientId, randomUUID(), randomUUID(), startsAt, endsAt],
    );
    const key: ReminderKey = { bookingId, userId: clientId, offsetMinutes: 60, startsAt: startsAt.toISOString() };
    // Its job vanished with a Redis restart.
    await remindersQueue.obliterate({ force: true });

    await reminders.sweep();
    const job = await remindersQueue.getJob(reminderJobId(key));
    expect(job?.data).toMatchObject({ bookingId, userId: clientId, offsetMinutes: 60 });
    expect(await reminders.fire(job!.data, job!.id!)).toBe('sent');

    // The fired job is gone (removed on completion); the next sweep adds it again and it fires again.
    await remindersQueue.obliterate({ force: true });
    await reminders.sweep();
    const again = await remindersQueue.getJob(reminderJobId(key));
    await reminders.fire(again!.data, again!.id!);

    const deliveries = await dataSource.query<{ channel: string }[]>(
      `SELECT "channel" FROM "notifications"."deliveries" WHERE "user_id" = $1 AND "type" = 'booking.reminder'`,
      [clientId],
    );
    const channels = deliveries.map((row) => row.channel);
    expect(channels.length).toBeGreaterThan(0);
    expect(new Set(channels).size).toBe(channels.length);
    const inApp = context.queue<ChannelJob>(IN_APP_QUEUE);
    expect(
      (await inApp.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.data.userId === clientId),
    ).toHaveLength(1);
  });
});
