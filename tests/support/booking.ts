import type { Availability, AvailabilityInput, OfferingView, SlotsView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, expect, inject } from 'vitest';
import { makeCounselor, type MakeCounselorOptions, makeOffering, type TestCounselor } from './directory';
import { api } from './http';

let pool: Pool | undefined;

// Registered when a test file imports this module: the file's connections close with it.
afterAll(async () => {
  const opened = pool;
  pool = undefined;
  await opened?.end();
});

/**
 * Direct SQL on the platform's database, for arranging what the API cannot make yet (bookings
 * before the booking endpoints exist).
 */
export function bookingDb(): Pool {
  pool ??= new Pool({ connectionString: JSON.parse(inject('platformEnv')).DATABASE_URL, max: 2 });
  return pool;
}

export interface BookingRow {
  counselorId: string;
  startsAt: Date | string;
  minutes: number;
  status?: 'pending_payment' | 'confirmed' | 'expired' | 'cancelled' | 'completed' | 'no_show';
  bufferMinutes?: number;
  clientId?: string;
  offeringId?: string;
  mode?: 'chat' | 'audio' | 'video';
  pricePaise?: number;
}

/** Inserts a booking row as the booking service would store it; returns its id. */
export async function insertBooking(row: BookingRow): Promise<string> {
  const startsAt = new Date(row.startsAt);
  const { rows } = await bookingDb().query(
    `INSERT INTO booking.bookings
       (client_id, counselor_id, offering_id, mode, starts_at, ends_at, buffer_minutes, status, price_paise, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      row.clientId ?? randomUUID(),
      row.counselorId,
      row.offeringId ?? randomUUID(),
      row.mode ?? 'video',
      startsAt,
      new Date(startsAt.getTime() + row.minutes * 60_000),
      row.bufferMinutes ?? 0,
      row.status ?? 'confirmed',
      row.pricePaise ?? 50_000,
      row.status === 'pending_payment' ? new Date(Date.now() + 600_000) : null,
    ],
  );
  return rows[0].id as string;
}

/** PUT /counselor/availability, expecting 200. */
export async function putAvailability(token: string, body: AvailabilityInput): Promise<Availability> {
  const response = await api<Availability>('PUT', '/counselor/availability', body, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** GET /counselors/:id/slots, expecting 200. */
export async function getSlots(
  counselorId: string,
  offeringId: string,
  from: Date | string,
  to: Date | string,
): Promise<SlotsView> {
  const query = new URLSearchParams({
    offeringId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  });
  const response = await api<SlotsView>('GET', `/counselors/${counselorId}/slots?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/**
 * Waits until the booking service knows the counselor as active with this offering (it learns both
 * from directory events, asynchronously).
 */
export async function waitUntilBookable(counselorId: string, offeringId: string): Promise<void> {
  await waitFor(
    async () => {
      const response = await api('GET', `/counselors/${counselorId}/slots?offeringId=${offeringId}`);
      return response.status === 200 ? true : undefined;
    },
    { what: `offering ${offeringId} to be bookable`, timeoutMs: 15_000 },
  );
}

export interface BookableCounselor extends TestCounselor {
  offering: OfferingView;
}

/**
 * An approved counselor with one active offering that the booking service already knows about
 * (slots answer 200), and, when given, their availability.
 */
export async function bookableCounselor(
  options: MakeCounselorOptions & {
    offering?: Parameters<typeof makeOffering>[1];
    availability?: AvailabilityInput;
  } = {},
): Promise<BookableCounselor> {
  const { offering: offeringInput, availability, ...counselorOptions } = options;
  const counselor = await makeCounselor(counselorOptions);
  const offering = await makeOffering(counselor.accessToken, offeringInput);
  await waitUntilBookable(counselor.id, offering.id);
  if (availability) await putAvailability(counselor.accessToken, availability);
  return { ...counselor, offering };
}

/** The last Sunday of a month (UTC calendar): the EU summer-time switch days. */
export function lastSunday(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last;
}

/** The next day clocks change in Europe/London in `month` (3 = March, 10 = October) at least a day from now. */
export function nextLondonSwitch(month: 3 | 10): Date {
  const soon = Date.now() + 24 * 3_600_000;
  const year = new Date().getUTCFullYear();
  const candidate = lastSunday(year, month);
  return candidate.getTime() > soon ? candidate : lastSunday(year + 1, month);
}
