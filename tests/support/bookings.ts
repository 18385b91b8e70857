import type { ApplicationInput, BookingView, EventEnvelope } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { expect } from 'vitest';
import { registerUser, type RegisteredUser } from './accounts';
import { type BookableCounselor, bookableCounselor, bookingDb, getSlots } from './booking';
import { api, type ApiResponse, razorpaySandboxUrl } from './http';
import { sandboxCall } from './razorpay-sandbox';

const DAY = 24 * 3_600_000;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A counselor open around the clock (UTC, no buffer, no notice) with one offering. */
export function openCounselor(
  offering: { pricePaise?: number; durationMinutes?: number } = {},
  application: Partial<ApplicationInput> = {},
): Promise<BookableCounselor> {
  return bookableCounselor({
    application,
    offering,
    availability: {
      timezone: 'UTC',
      weekly: ALL_DAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
      bufferMinutes: 0,
      minNoticeMinutes: 0,
      maxAdvanceDays: 30,
    },
  });
}

/** Open slot starts of the counselor's offering within a day starting `daysAhead` from now. */
export async function openSlots(counselor: BookableCounselor, daysAhead: number): Promise<string[]> {
  const from = new Date(Date.now() + daysAhead * DAY);
  const view = await getSlots(counselor.id, counselor.offering.id, from, new Date(from.getTime() + DAY));
  return view.slots.map((slot) => slot.startsAt);
}

/** A booking, or the error body when the request was refused. */
export type BookingResponse = ApiResponse<BookingView & { message?: string }>;

export function client(label = 'client'): Promise<RegisteredUser> {
  return registerUser(label);
}

export function book(
  token: string,
  offeringId: string,
  startsAt: string,
  idempotencyKey?: string,
): Promise<BookingResponse> {
  return api(
    'POST',
    '/bookings',
    { offeringId, startsAt },
    { token, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} },
  );
}

/** POST /bookings expecting 201. */
export async function hold(token: string, offeringId: string, startsAt: string): Promise<BookingView> {
  const response = await book(token, offeringId, startsAt);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

export function sandbox(method: string, path: string, body?: unknown) {
  return sandboxCall(razorpaySandboxUrl(), method, path, body);
}

export interface CheckoutResult {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/** Pays the order in the sandbox as a customer would in Checkout; returns what Checkout hands back. */
export async function payOrder(orderId: string): Promise<CheckoutResult> {
  const response = await sandbox('POST', `/sandbox/orders/${orderId}/pay`, { outcome: 'success', method: 'upi' });
  expect(response.status, response.text).toBe(200);
  return response.body as CheckoutResult;
}

export function verify(token: string, bookingId: string, result: CheckoutResult): Promise<BookingResponse> {
  return api(
    'POST',
    `/bookings/${bookingId}/payment/verify`,
    {
      razorpayOrderId: result.razorpay_order_id,
      razorpayPaymentId: result.razorpay_payment_id,
      razorpaySignature: result.razorpay_signature,
    },
    { token },
  );
}

export async function getBooking(token: string, id: string): Promise<BookingView> {
  const response = await api<BookingView>('GET', `/bookings/${id}`, undefined, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Waits until the booking (as its client sees it) satisfies `done`. */
export function waitForBooking(
  token: string,
  id: string,
  done: (booking: BookingView) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<BookingView> {
  return waitFor(
    async () => {
      const booking = await getBooking(token, id);
      return done(booking) ? booking : undefined;
    },
    { what, timeoutMs, intervalMs: 200 },
  );
}

/** Events the booking service wrote for a booking, oldest first. */
export async function bookingEvents(bookingId: string): Promise<EventEnvelope<any>[]> {
  const { rows } = await bookingDb().query<{ envelope: EventEnvelope<any> }>(
    `SELECT envelope FROM booking.outbox WHERE envelope->'data'->>'bookingId' = $1 ORDER BY created_at, id`,
    [bookingId],
  );
  return rows.map((row) => row.envelope);
}

export function countOf(events: EventEnvelope[], type: string): number {
  return events.filter((event) => event.type === type).length;
}

export async function paymentRows(bookingId: string) {
  const { rows } = await bookingDb().query(`SELECT * FROM booking.payments WHERE booking_id = $1`, [bookingId]);
  return rows;
}

/** Ledger transactions of a booking: each with its debits and credits. */
export async function ledgerOf(bookingId: string) {
  const { rows } = await bookingDb().query<{ transaction_id: string; debits: string; credits: string; memo: string }>(
    `SELECT transaction_id, sum(debit_paise) AS debits, sum(credit_paise) AS credits, min(memo) AS memo
       FROM booking.ledger_entries WHERE booking_id = $1 GROUP BY transaction_id ORDER BY min(id)`,
    [bookingId],
  );
  return rows.map((row) => ({ memo: row.memo, debits: Number(row.debits), credits: Number(row.credits) }));
}

export async function accountBalances(bookingId: string): Promise<Record<string, number>> {
  const { rows } = await bookingDb().query<{ account: string; balance: string }>(
    `SELECT account, sum(credit_paise - debit_paise) AS balance FROM booking.ledger_entries
      WHERE booking_id = $1 GROUP BY account`,
    [bookingId],
  );
  return Object.fromEntries(rows.map((row) => [row.account, Number(row.balance)]));
}

export function setFaults(faults: object) {
  return sandbox('POST', '/sandbox/faults', faults);
}
