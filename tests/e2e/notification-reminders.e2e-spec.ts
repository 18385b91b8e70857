import { BookingEvents } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REMINDERS_QUEUE } from '../../apps/notifications/src/delivery/queues';
import { reminderJobId } from '../../apps/notifications/src/reminders/reminder-schedule';
import { type RegisteredUser, registerUser } from '../support/accounts';
import { api } from '../support/http';
import { settledMailsTo, waitForMail } from '../support/mail';
import { aboutBooking, bookingEvent, inbox, publish, snapshot, waitForMessage } from '../support/notifications';

/**
 * Reminders with a one-minute offset on sessions starting a little over a minute from now, so they
 * fire within seconds. The queue is inspected through BullMQ itself, on the platform's Redis prefix.
 */
describe.concurrent('reminders', () => {
  let queue: Queue;

  beforeAll(() => {
    const env = JSON.parse(inject('platformEnv'));
    queue = new Queue(REMINDERS_QUEUE, { connection: { url: env.REDIS_URL }, prefix: env.REDIS_PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
  });

  async function pair(label: string): Promise<{ client: RegisteredUser; counselor: RegisteredUser }> {
    const [client, counselor] = await Promise.all([registerUser(`${label}c`), registerUser(`${label}p`)]);
    for (const user of [client, counselor]) {
      const put = await api('PUT', '/me/notification-preferences', { reminders: [1] }, { token: user.accessToken });
      expect(put.status, put.text).toBe(200);
    }
    return { client, counselor };
  }

  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
  const reminders = async (user: RegisteredUser) =>
    (await inbox(user.accessToken, '?limit=100')).items.filter((message) => message.type === 'booking.reminder');

  it('fires on time for client and counselor, by e-mail and in-app, once', async () => {
    const { client, counselor } = await pair('rtime');
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(75) });
    const fireAt = Date.parse(session.startsAt) - 60_000;
    const confirmed = bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/r1' });
    await publish(confirmed);
    await publish(confirmed);

    const message = await waitForMessage(
      client.accessToken,
      'booking.reminder',
      aboutBooking(session.bookingId),
      40_000,
    );
    expect(Date.parse(message.createdAt)).toBeGreaterThanOrEqual(fireAt - 1000);
    expect(Date.parse(message.createdAt)).toBeLessThan(fireAt + 10_000);
    expect(message.title).toBe('Reminder: your session starts in 1 minute');
    await waitForMessage(counselor.accessToken, 'booking.reminder', aboutBooking(session.bookingId));
    const mail = await waitForMail(client.email, /Reminder: your session starts in 1 minute/);
    expect(mail.text).toContain('https://meet.jit.si/r1');
    expect(mail.text).toContain('Tele-MANAS');
    expect(await settledMailsTo(client.email, /Reminder/)).toHaveLength(1);
    expect(await reminders(client)).toHaveLength(1);
  });

  it('moves with a reschedule: the old reminder is removed, the new one fires at the new time', async () => {
    const { client, counselor } = await pair('rmove');
    const first = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(75) });
    await publish(bookingEvent(BookingEvents.confirmed, { ...first, meetingUrl: 'https://meet.jit.si/r2' }));
    const oldJob = reminderJobId({
      bookingId: first.bookingId,
      userId: client.user.id,
      offsetMinutes: 1,
      startsAt: first.startsAt,
    });
    await waitFor(async () => (await queue.getJob(oldJob)) ?? undefined, { what: 'the first reminder job' });

    const startsAt = inSeconds(100);
    const moved = {
      ...first,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 50 * 60_000).toISOString(),
      previousStartsAt: first.startsAt,
      previousEndsAt: first.endsAt,
      meetingUrl: 'https://meet.jit.si/r2',
    };
    await publish(bookingEvent(BookingEvents.rescheduled, moved));
    await waitFor(async () => ((await queue.getJob(oldJob)) ? undefined : true), { what: 'the old reminder to go' });
    const newJob = reminderJobId({ bookingId: first.bookingId, userId: client.user.id, offsetMinutes: 1, startsAt });
    await waitFor(async () => (await queue.getJob(newJob)) ?? undefined, { what: 'the reminder at the new time' });

    const message = await waitForMessage(client.accessToken, 'booking.reminder', aboutBooking(first.bookingId), 60_000);
    expect(message.data.startsAt).toBe(startsAt);
    expect(Date.parse(message.createdAt)).toBeGreaterThanOrEqual(Date.parse(startsAt) - 61_000);
    await sleep(2000);
    expect(await reminders(client)).toHaveLength(1);
  });

  it('is removed by a cancellation and never sent', async () => {
    const { client, counselor } = await pair('rcancel');
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(75) });
    await publish(bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/r3' }));
    const job = reminderJobId({
      bookingId: session.bookingId,
      userId: counselor.user.id,
      offsetMinutes: 1,
      startsAt: session.startsAt,
    });
    await waitFor(async () => (await queue.getJob(job)) ?? undefined, { what: 'the reminder job' });
    await publish(
      bookingEvent(BookingEvents.cancelled, { ...session, cancelledBy: 'client', reason: null, refund: null }),
    );
    await waitFor(async () => ((await queue.getJob(job)) ? undefined : true), { what: 'the reminder to be removed' });
    await waitForMessage(client.accessToken, 'booking.cancelled', aboutBooking(session.bookingId));
    // Past the time it would have fired.
    await sleep(Math.max(0, Date.parse(session.startsAt) - 60_000 - Date.now()) + 3000);
    expect(await reminders(client)).toEqual([]);
    expect(await reminders(counselor)).toEqual([]);
  });

  it('is rebuilt from the database by the sweep when Redis lost it', async () => {
    const { client, counselor } = await pair('rsweep');
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(90) });
    await publish(bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/r4' }));
    const job = reminderJobId({
      bookingId: session.bookingId,
      userId: client.user.id,
      offsetMinutes: 1,
      startsAt: session.startsAt,
    });
    await waitFor(async () => (await queue.getJob(job)) ?? undefined, { what: 'the reminder job' });
    await queue.remove(job);
    expect(await queue.getJob(job)).toBeUndefined();

    // What the job scheduler runs every few minutes, run now.
    await queue.add('sweep', {});
    await waitFor(async () => (await queue.getJob(job)) ?? undefined, { what: 'the sweep to re-add the reminder' });
    await waitForMessage(client.accessToken, 'booking.reminder', aboutBooking(session.bookingId), 60_000);
  });

  it('a confirmation older than the cancellation, arriving after it, brings nothing back', async () => {
    const { client, counselor } = await pair('rorder');
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(120) });
    const confirmed = bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/r6' });
    const cancelled = {
      ...bookingEvent(BookingEvents.cancelled, {
        ...session,
        cancelledBy: 'client' as const,
        reason: null,
        refund: null,
      }),
      occurredAt: new Date(Date.parse(confirmed.occurredAt) + 1000).toISOString(),
    };
    await publish(cancelled);
    await waitForMessage(client.accessToken, 'booking.cancelled', aboutBooking(session.bookingId));
    await publish(confirmed);
    await sleep(2000);
    const job = reminderJobId({
      bookingId: session.bookingId,
      userId: client.user.id,
      offsetMinutes: 1,
      startsAt: session.startsAt,
    });
    expect(await queue.getJob(job)).toBeUndefined();
    const types = (await inbox(client.accessToken)).items.map((message) => message.type);
    expect(types).toEqual(['booking.cancelled']);
  });

  it('does not schedule a reminder whose time has already passed', async () => {
    const { client, counselor } = await pair('rpast');
    // Starts in 30 s: the one-minute reminder would have been 30 s ago.
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: inSeconds(30) });
    await publish(bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/r5' }));
    await waitForMessage(client.accessToken, 'booking.confirmed', aboutBooking(session.bookingId));
    const job = reminderJobId({
      bookingId: session.bookingId,
      userId: client.user.id,
      offsetMinutes: 1,
      startsAt: session.startsAt,
    });
    expect(await queue.getJob(job)).toBeUndefined();
    await sleep(2000);
    expect(await reminders(client)).toEqual([]);
  });
});
