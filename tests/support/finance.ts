import type { BookingView, LedgerEntryView, Page, ReconciliationView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { setGrantableRoles, registerUser } from './accounts';
import type { BookableCounselor } from './booking';
import { hold, payOrder, verify, waitForBooking } from './bookings';
import { api } from './http';

/** A user holding the finance role, with a token that carries it. */
export async function financeUser(label = 'finance'): Promise<{ id: string; token: string }> {
  const user = await registerUser(label);
  return { id: user.user.id, token: await setGrantableRoles(user, ['finance']) };
}

/** A paid, confirmed booking of the counselor's offering at `slot`. */
export async function paidBooking(token: string, counselor: BookableCounselor, slot: string): Promise<BookingView> {
  const held = await hold(token, counselor.offering.id, slot);
  const verified = await verify(token, held.id, await payOrder(held.payment!.orderId));
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return verified.body;
}

/** Cancels and waits until Razorpay has processed the refund; the booking as its client then sees it. */
export async function cancelAndRefund(
  cancellerToken: string,
  clientToken: string,
  bookingId: string,
): Promise<BookingView> {
  const cancelled = await api('POST', `/bookings/${bookingId}/cancel`, {}, { token: cancellerToken });
  expect(cancelled.status, cancelled.text).toBe(200);
  return waitForBooking(clientToken, bookingId, (b) => b.refund?.status === 'processed', 'refund processed');
}

/** Starts a reconciliation of [from, to) and waits until it is done; returns it. */
export async function reconcile(token: string, from: Date, to: Date): Promise<ReconciliationView> {
  const started = await api<ReconciliationView>(
    'POST',
    '/finance/reconciliations',
    { from: from.toISOString(), to: to.toISOString() },
    { token },
  );
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect(started.body.status).toBe('running');
  return waitFor(
    async () => {
      const current = await api<ReconciliationView>('GET', `/finance/reconciliations/${started.body.id}`, undefined, {
        token,
      });
      expect(current.status).toBe(200);
      if (current.body.status === 'failed') throw new Error(`reconciliation failed: ${current.body.error}`);
      return current.body.status === 'done' ? current.body : undefined;
    },
    { what: 'the reconciliation to finish', timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** The report's CSV rows as objects (simple fields only: the notes the tests read have no commas). */
export async function csvRows(token: string, id: string): Promise<{ text: string; rows: Record<string, string>[] }> {
  const response = await api('GET', `/finance/reconciliations/${id}/items.csv`, undefined, { token });
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  const [header, ...lines] = response.text.trimEnd().split('\r\n');
  const columns = header.split(',');
  const rows = lines.map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, fields[index] ?? '']));
  });
  return { text: response.text, rows };
}

/** Every ledger entry of [from, to), all pages. */
export async function ledgerEntries(token: string, from: Date, to: Date): Promise<LedgerEntryView[]> {
  const entries: LedgerEntryView[] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      page: String(page),
      limit: '100',
    });
    const response = await api<Page<LedgerEntryView>>('GET', `/finance/ledger?${query}`, undefined, { token });
    expect(response.status, response.text).toBe(200);
    entries.push(...response.body.items);
    if (entries.length >= response.body.total || response.body.items.length === 0) return entries;
  }
}

/** The IST month of an instant, as the payout endpoints name it. */
export function istMonth(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'Asia/Kolkata' }).toFormat('yyyy-MM');
}
