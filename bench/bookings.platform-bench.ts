/**
 * Holds per second through the gateway, beside the raw SQL insert rate into the same bookings
 * table, and a race of 10,000 attempts on a few hundred slots. Run: `npm run bench:bookings`
 * (boots its own platform; needs the PostgreSQL, Redis and RabbitMQ the tests use). Sizes:
 * BENCH_COUNSELORS, BENCH_CLIENTS, BENCH_HOLDS, BENCH_RACE_ATTEMPTS, BENCH_RACE_SLOTS, BENCH_CONCURRENCY.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RegisteredUser } from '../tests/support/accounts';
import type { BookableCounselor } from '../tests/support/booking';
import { book, client, openCounselor, openSlots } from '../tests/support/bookings';
import { envNumber, runConcurrently, tally } from './support/load';

const COUNSELORS = envNumber('BENCH_COUNSELORS', 20);
const CLIENTS = envNumber('BENCH_CLIENTS', 50);
const HOLDS = envNumber('BENCH_HOLDS', 400);
const RACE_ATTEMPTS = envNumber('BENCH_RACE_ATTEMPTS', 10_000);
const RACE_SLOTS = envNumber('BENCH_RACE_SLOTS', 300);
const CONCURRENCY = envNumber('BENCH_CONCURRENCY', 64);
const RAW_INSERTS = envNumber('BENCH_RAW_INSERTS', 5_000);

const DAY = 24 * 3_600_000;
const format = (value: number) => value.toFixed(1);

describe('bookings under load', () => {
  let db: Pool;
  let counselors: BookableCounselor[];
  let clients: RegisteredUser[];
  let holdsPerSecond = 0;

  beforeAll(async () => {
    db = new Pool({ connectionString: JSON.parse(inject('platformEnv')).DATABASE_URL, max: 10 });
    counselors = (await runConcurrently(Array.from({ length: COUNSELORS }), 4, () => openCounselor())).results;
    clients = (await runConcurrently(Array.from({ length: CLIENTS }), 8, (_, index) => client(`bench-client-${index}`)))
      .results;
  });

  afterAll(async () => {
    await db?.end();
  });

  /** Open starts of every counselor on the days `from`…, each slot once, as [counselor, startsAt]. */
  async function distinctSlots(count: number, fromDay: number): Promise<[BookableCounselor, string][]> {
    const slots: [BookableCounselor, string][] = [];
    for (let day = fromDay; slots.length < count && day < fromDay + 20; day += 1) {
      const perCounselor = await Promise.all(counselors.map((counselor) => openSlots(counselor, day)));
      // Interleaved over counselors, so concurrent requests spread over many calendars.
      for (let index = 0; slots.length < count && perCounselor.some((starts) => index < starts.length); index += 1) {
        perCounselor.forEach((starts, which) => {
          if (index < starts.length && slots.length < count) slots.push([counselors[which], starts[index]]);
        });
      }
    }
    return slots;
  }

  it('holds per second through the gateway, beside raw SQL inserts into the same table', async () => {
    const slots = await distinctSlots(HOLDS, 1);
    const { results, seconds } = await runConcurrently(slots, CONCURRENCY, ([counselor, startsAt], index) =>
      book(clients[index % clients.length].accessToken, counselor.offering.id, startsAt).then(
        (response) => response.status,
      ),
    );
    const statuses = tally(results);
    holdsPerSecond = (statuses['201'] ?? 0) / seconds;

    const rows = Array.from({ length: RAW_INSERTS }, (_, index) => index);
    const base = Date.now() + 60 * DAY;
    const raw = await runConcurrently(rows, 10, async (index) => {
      const startsAt = new Date(base + index * 3_600_000);
      await db.query(
        `INSERT INTO booking.bookings
           (client_id, counselor_id, offering_id, mode, starts_at, ends_at, buffer_minutes, status, price_paise, expires_at)
         VALUES ($1, $2, $3, 'video', $4, $5, 0, 'pending_payment', 50000, $6)`,
        [
          randomUUID(),
          randomUUID(),
          randomUUID(),
          startsAt,
          new Date(startsAt.getTime() + 50 * 60_000),
          new Date(base),
        ],
      );
    });
    const rawPerSecond = RAW_INSERTS / raw.seconds;

    console.log(
      [
        '',
        `Holds through the gateway: ${slots.length} POST /bookings (paid, each with a Razorpay sandbox order) from ${clients.length} clients over ${counselors.length} counselors, ${CONCURRENCY} in flight`,
        `  statuses ${JSON.stringify(statuses)} in ${format(seconds)} s → ${format(holdsPerSecond)} holds/s`,
        `Raw SQL: ${RAW_INSERTS} single-row INSERTs into booking.bookings over 10 connections in ${format(raw.seconds)} s → ${format(rawPerSecond)} rows/s`,
        `Ratio raw SQL / gateway: ${format(rawPerSecond / holdsPerSecond)}×`,
        '',
      ].join('\n'),
    );
    expect(statuses['201']).toBe(slots.length);
  });

  it('a race of many attempts on a few hundred slots ends in exactly one booking per slot', async () => {
    const slots = await distinctSlots(RACE_SLOTS, 8);
    const attempts = Array.from({ length: RACE_ATTEMPTS }, (_, index) => slots[index % slots.length]);
    const { results, seconds } = await runConcurrently(attempts, CONCURRENCY, ([counselor, startsAt], index) =>
      book(clients[index % clients.length].accessToken, counselor.offering.id, startsAt).then(
        (response) => response.status,
      ),
    );
    const statuses = tally(results);
    const { rows } = await db.query<{ counselor_id: string; starts_at: Date; n: number }>(
      `SELECT counselor_id, starts_at, count(*)::int AS n FROM booking.bookings
        WHERE status IN ('pending_payment', 'confirmed') AND (counselor_id, starts_at) IN (
          SELECT * FROM unnest($1::uuid[], $2::timestamptz[]))
        GROUP BY counselor_id, starts_at`,
      [slots.map(([counselor]) => counselor.id), slots.map(([, startsAt]) => startsAt)],
    );
    const perSlot = tally(rows.map((row) => row.n));
    const slotsWithOne = rows.filter((row) => row.n === 1).length;

    console.log(
      [
        '',
        `Race: ${RACE_ATTEMPTS} POST /bookings on ${slots.length} slots (${counselors.length} counselors, ${clients.length} clients, ${CONCURRENCY} in flight) in ${format(seconds)} s → ${format(RACE_ATTEMPTS / seconds)} attempts/s`,
        `  statuses ${JSON.stringify(statuses)}`,
        `  bookings per slot in the database ${JSON.stringify(perSlot)}: ${slotsWithOne} of ${slots.length} slots hold exactly one booking ${
          slotsWithOne === slots.length && statuses['201'] === slots.length ? '(OK)' : '(NOT OK)'
        }`,
        '',
      ].join('\n'),
    );
    expect(statuses['201']).toBe(slots.length);
    expect(slotsWithOne).toBe(slots.length);
    expect(rows).toHaveLength(slots.length);
  });
});
