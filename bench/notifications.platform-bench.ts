/**
 * Notification throughput and latency. Run: `npm run bench:notifications` (boots its own platform
 * with a real SMTP server in the process, like the e2e run). Sizes: BENCH_EVENTS, BENCH_BOOKINGS.
 *
 * - events → in-app messages per second: `booking.confirmed` events published on the broker (as
 *   the booking service's outbox relay does), until both people's in-app messages are stored;
 *   mails, SMS and reminders are planned for each event at the same time, as in production.
 * - latency from a free booking's 201 (its `booking.confirmed` is committed with it) to the
 *   client's confirmation mail accepted by the SMTP server, p50/p95.
 */
import { waitFor } from '@haven/testing';
import { BookingEvents } from '@haven/contracts';
import { Pool } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerUser } from '../tests/support/accounts';
import { book, client, openCounselor, openSlots } from '../tests/support/bookings';
import { mailsTo } from '../tests/support/mail';
import { bookingEvent, publish, snapshot } from '../tests/support/notifications';
import { envNumber, percentile, runConcurrently } from './support/load';

const EVENTS = envNumber('BENCH_EVENTS', 1_000);
const BOOKINGS = envNumber('BENCH_BOOKINGS', 40);
const format = (value: number) => value.toFixed(1);

const db = new Pool({ connectionString: JSON.parse(inject('platformEnv')).DATABASE_URL, max: 2 });
afterAll(async () => {
  await db.end();
});

describe('notifications under load', () => {
  it('booking.confirmed committed → confirmation mail accepted by SMTP, p50/p95', async () => {
    const counselor = await openCounselor({ pricePaise: 0 });
    const slots = await openSlots(counselor, 2);
    const clients = (await runConcurrently(slots.slice(0, BOOKINGS), 8, (_, index) => client(`bench-latency-${index}`)))
      .results;
    const committedAt = new Map<string, number>();
    // One booking at a time (each client's only free session), before the load test, so each latency is unloaded.
    await runConcurrently(clients, 1, async (person, index) => {
      const response = await book(person.accessToken, counselor.offering.id, slots[index]);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      committedAt.set(person.email, Date.now());
    });
    const latencies = await waitFor(
      async () => {
        const measured: number[] = [];
        for (const person of clients) {
          const mail = (await mailsTo(person.email)).find((each) => /^Session confirmed/.test(each.subject));
          if (!mail) return undefined;
          measured.push(Date.parse(mail.receivedAt) - committedAt.get(person.email)!);
        }
        return measured;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: 'every confirmation mail' },
    );
    console.log(
      [
        '',
        `booking.confirmed → SMTP accepted, ${latencies.length} free bookings one after another:`,
        `  p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, max ${Math.max(...latencies)} ms`,
        '',
      ].join('\n'),
    );
    expect(latencies).toHaveLength(clients.length);
  });

  it('events → in-app messages per second', async () => {
    const [person, counselor] = await Promise.all([registerUser('bench-client'), registerUser('bench-counselor')]);
    const userIds = [person.user.id, counselor.user.id];
    const stored = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications.messages WHERE user_id = ANY($1::uuid[])`,
          [userIds],
        )
      ).rows[0].n;

    const started = performance.now();
    const events = Array.from({ length: EVENTS }, (_, index) =>
      bookingEvent(BookingEvents.confirmed, {
        ...snapshot(person.user.id, counselor.user.id, {
          startsAt: new Date(Date.now() + (2 + index) * 3_600_000).toISOString(),
        }),
        meetingUrl: 'https://meet.jit.si/haven-bench',
      }),
    );
    const published = await runConcurrently(events, 16, (event) => publish(event));
    await waitFor(async () => ((await stored()) >= 2 * EVENTS ? true : undefined), {
      timeoutMs: 15 * 60_000,
      intervalMs: 250,
      what: `${2 * EVENTS} in-app messages`,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      [
        '',
        `Events → in-app: ${EVENTS} booking.confirmed events (published in ${format(published.seconds)} s) → ${2 * EVENTS} in-app messages stored in ${format(seconds)} s`,
        `  ${format(EVENTS / seconds)} events/s, ${format((2 * EVENTS) / seconds)} in-app messages/s (mails and reminders planned alongside)`,
        '',
      ].join('\n'),
    );
    expect(await stored()).toBe(2 * EVENTS);
  });
});
