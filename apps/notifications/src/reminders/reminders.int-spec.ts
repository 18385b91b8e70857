import { dropDatabase, ensureDatabaseExists, serviceDatabaseModule } from '@haven/database';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BookingCopy } from '../bookings/booking-copy';
import { Dispatcher } from '../delivery/dispatcher';
import { EMAIL_QUEUE, FAN_OUT_QUEUE, IN_APP_QUEUE, REMINDERS_QUEUE, SMS_QUEUE } from '../delivery/queues';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications.schema';
import { PreferencesService } from '../preferences/preferences.service';
import { type ReminderKey, reminderJobId } from './reminder-schedule';
import { RemindersService } from './reminders.service';

const databaseUrl = `${inject('databaseUrl')}_reminders`;

describe('RemindersService: a reminder whose job Redis lost just before it fell due', () => {
  let module: INestApplicationContext;
  let reminders: RemindersService;
  let dataSource: DataSource;
  let remindersQueue: Queue<ReminderKey>;
  let channelQueues: Queue[];

  beforeAll(async () => {
    await ensureDatabaseExists(databaseUrl);
    @Module({
      imports: [
        serviceDatabaseModule({
          schema: 'notifications',
          url: databaseUrl,
          entities: NOTIFICATIONS_ENTITIES,
          migrations: NOTIFICATIONS_MIGRATIONS,
        }),
        BullModule.forRoot({
          connection: { url: inject('redisUrl') },
          prefix: `${inject('redisPrefix')}:reminders-${randomUUID().slice(0, 6)}`,
        }),
        BullModule.registerQueue(
          { name: REMINDERS_QUEUE },
          { name: EMAIL_QUEUE },
          { name: SMS_QUEUE },
          { name: IN_APP_QUEUE },
          { name: FAN_OUT_QUEUE },
        ),
      ],
      providers: [RemindersService, BookingCopy, PreferencesService, Dispatcher],
    })
    class RemindersTestModule {}
    module = await NestFactory.createApplicationContext(RemindersTestModule, { logger: false });
    reminders = module.get(RemindersService);
    dataSource = module.get(getDataSourceToken('notifications'));
    remindersQueue = module.get(getQueueToken(REMINDERS_QUEUE));
    channelQueues = [EMAIL_QUEUE, SMS_QUEUE, IN_APP_QUEUE, FAN_OUT_QUEUE].map((name) =>
      module.get(getQueueToken(name)),
    );
  });

  afterAll(async () => {
    await Promise.all([remindersQueue, ...channelQueues].map((queue) => queue?.obliterate({ force: true })));
    await module?.close();
    await dropDatabase(databaseUrl);
  });

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
    const inApp = channelQueues[2];
    expect(
      (await inApp.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.data.userId === clientId),
    ).toHaveLength(1);
  });
});
