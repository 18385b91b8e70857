import type { EarningsView, FinancePaymentView, Page, PayoutView, RecordedPayoutView } from '@haven/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import type { BookableCounselor } from '../support/booking';
import {
  client,
  hold,
  openCounselor,
  openSlots,
  payOrder,
  sandbox,
  setFaults,
  waitForBooking,
} from '../support/bookings';
import {
  cancelAndRefund,
  csvRows,
  financeUser,
  istMonth,
  ledgerEntries,
  paidBooking,
  reconcile,
} from '../support/finance';
import { api } from '../support/http';
import { waitForMessage } from '../support/notifications';

const PRICE = 12_343;

let finance: { id: string; token: string };
let counselor: BookableCounselor;
let clientToken: string;

beforeAll(async () => {
  [finance, counselor, { accessToken: clientToken }] = await Promise.all([
    financeUser(),
    openCounselor({ pricePaise: PRICE }),
    client('payer'),
  ]);
});

// Reconciliation periods and sandbox faults are platform-wide: these run one after another.
describe.sequential('finance', () => {
  it('a book–pay–cancel–refund run: balanced ledger, clean reconciliation, payouts and earnings to the paisa', async () => {
    const from = new Date();
    const [soon] = await openSlots(counselor, 0.25); // ~6 h ahead: a client cancelling gets 50 %
    const later = await openSlots(counselor, 3);
    const kept = await paidBooking(clientToken, counselor, later[0]);
    const halfRefunded = await paidBooking(clientToken, counselor, soon);
    const fullyRefunded = await paidBooking(clientToken, counselor, later[2]);
    const half = await cancelAndRefund(clientToken, clientToken, halfRefunded.id);
    const full = await cancelAndRefund(counselor.accessToken, clientToken, fullyRefunded.id);
    expect(half.refund!.amountPaise).toBe(Math.floor(PRICE / 2));
    expect(full.refund!.amountPaise).toBe(PRICE);
    const to = new Date(Date.now() + 1);

    // Every transaction the run wrote balances, and so does the whole run.
    const ours = new Set([kept.id, halfRefunded.id, fullyRefunded.id]);
    const entries = (await ledgerEntries(finance.token, from, to)).filter((entry) => ours.has(entry.bookingId!));
    const transactions = new Map<string, typeof entries>();
    for (const entry of entries)
      transactions.set(entry.transactionId, [...(transactions.get(entry.transactionId) ?? []), entry]);
    expect(transactions.size).toBe(3 + 2 + 2); // captures, refund decisions, refunds processed
    for (const lines of transactions.values()) {
      expect(sum(lines, 'debitPaise')).toBe(sum(lines, 'creditPaise'));
    }
    expect(sum(entries, 'debitPaise')).toBe(sum(entries, 'creditPaise'));
    const refunded = half.refund!.amountPaise + PRICE;
    expect(balance(entries, 'razorpay-clearing')).toBe(3 * PRICE - refunded);
    expect(balance(entries, 'refunds-payable')).toBe(0);

    const payments = await api<Page<FinancePaymentView>>(
      'GET',
      `/finance/payments?counselorId=${counselor.id}&from=${from.toISOString()}`,
      undefined,
      { token: finance.token },
    );
    expect(payments.status).toBe(200);
    expect(
      Object.fromEntries(
        payments.body.items.map((payment) => [payment.bookingId, [payment.status, payment.refundedPaise]]),
      ),
    ).toEqual({
      [kept.id]: ['captured', 0],
      [halfRefunded.id]: ['partially_refunded', half.refund!.amountPaise],
      [fullyRefunded.id]: ['refunded', PRICE],
    });
    const refundedOnly = await api<Page<FinancePaymentView>>(
      'GET',
      `/finance/payments?counselorId=${counselor.id}&status=refunded`,
      undefined,
      { token: finance.token },
    );
    expect(refundedOnly.body.items.map((payment) => payment.bookingId)).toEqual([fullyRefunded.id]);

    const clean = await reconcile(finance.token, from, to);
    expect(clean.summary).toEqual({
      matched: 5,
      amountMismatch: 0,
      missingAtProvider: 0,
      missingInLedger: 0,
      statusMismatch: 0,
    });
    expect(clean.items).toEqual([]);
    const { rows } = await csvRows(finance.token, clean.id);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['matched']));
    expect(rows.find((row) => row.entity === 'refund' && row.ledgerPaise === String(PRICE))?.ledgerRupees).toBe(
      '123.43',
    );

    // Payouts: commission = round((gross − refunds) × 20 %) of the month, net the rest.
    const period = istMonth(from);
    const gross = 3 * PRICE;
    const commission = Math.round((gross - refunded) * 0.2);
    const expected = {
      counselorId: counselor.id,
      grossPaise: gross,
      refundsPaise: refunded,
      commissionPaise: commission,
      netPaise: gross - refunded - commission,
      paidOutPaise: 0,
    };
    const payouts = await api<PayoutView[]>('GET', `/finance/payouts?period=${period}`, undefined, {
      token: finance.token,
    });
    expect(payouts.status).toBe(200);
    expect(payouts.body.find((row) => row.counselorId === counselor.id)).toMatchObject(expected);
    const earnings = await api<EarningsView>('GET', `/counselor/earnings?period=${period}`, undefined, {
      token: counselor.accessToken,
    });
    expect(earnings.body).toEqual({ period, ...withoutCounselor(expected), sessions: 3 });

    // Recording payouts: never more than is owed; one bank reference is one payout.
    const payout = (amountPaise: number, reference: string, token = finance.token) =>
      api<RecordedPayoutView>(
        'POST',
        '/finance/payouts',
        { counselorId: counselor.id, period, amountPaise, reference },
        { token },
      );
    const net = expected.netPaise;
    const tooMuch = await payout(net + 1, `UTR${Date.now()}X`);
    expect(tooMuch.status, tooMuch.text).toBe(422);
    const reference = `UTR${Date.now()}`;
    const first = await payout(net - 100, reference);
    expect(first.status, first.text).toBe(201);
    const again = await payout(net - 100, reference);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await payout(net - 99, reference)).status).toBe(409);
    expect((await payout(101, `${reference}B`)).status).toBe(422);
    expect((await payout(100, `${reference}C`, await loginAdmin())).status).toBe(403);
    expect((await payout(100, `${reference}C`)).status).toBe(201);
    const paid = await api<EarningsView>('GET', `/counselor/earnings?period=${period}`, undefined, {
      token: counselor.accessToken,
    });
    expect(paid.body.paidOutPaise).toBe(net);
    const payoutEntries = (await ledgerEntries(finance.token, from, new Date(Date.now() + 1))).filter(
      (entry) => entry.payoutId === first.body.id,
    );
    expect(payoutEntries.map((entry) => [entry.account, entry.debitPaise, entry.creditPaise])).toEqual([
      ['counselor-payable', net - 100, 0],
      ['bank', 0, net - 100],
    ]);
  });

  it('flags a lost webhook, an amount mismatch and a refund unknown to Razorpay, in the report and the CSV', async () => {
    const from = new Date();
    const slots = await openSlots(counselor, 5);
    // A client who paid after their hold lapsed and never came back, while every webhook was lost.
    const lapsed = await hold(clientToken, counselor.offering.id, slots[0]);
    const [mismatched, unknownRefund] = await Promise.all([
      paidBooking(clientToken, counselor, slots[2]),
      paidBooking(clientToken, counselor, slots[4]).then((booking) =>
        cancelAndRefund(counselor.accessToken, clientToken, booking.id),
      ),
    ]);
    const mismatchedPayment = await sandboxPaymentOf(mismatched.id);
    expect(
      (await sandbox('POST', `/sandbox/payments/${mismatchedPayment}/amount`, { amount: PRICE - 1_000 })).status,
    ).toBe(200);
    const razorpayRefundId = await razorpayRefundOf(unknownRefund.id);
    expect((await sandbox('DELETE', `/sandbox/refunds/${razorpayRefundId}`)).status).toBe(204);
    await waitForBooking(clientToken, lapsed.id, (b) => b.status === 'expired', 'hold expiry', 25_000);
    await setFaults({ webhookDrop: true });
    const lost = await payOrder(lapsed.payment!.orderId).finally(() => sandbox('DELETE', '/sandbox/faults'));
    const to = new Date(Date.now() + 1);

    const report = await reconcile(finance.token, from, to);
    // Other test files pay on the same platform within this window: their payments may add to the
    // totals, so the report is checked for this test's own payments and refund.
    const ours = report.items.filter(
      (item) =>
        item.paymentId === mismatchedPayment ||
        item.paymentId === lost.razorpay_payment_id ||
        item.refundId === razorpayRefundId ||
        [lapsed.id, mismatched.id, unknownRefund.id].includes(item.bookingId ?? ''),
    );
    expect(ours.map((item) => item.kind).sort()).toEqual(['amountMismatch', 'missingAtProvider', 'missingInLedger']);
    expect(report.summary.matched).toBeGreaterThanOrEqual(1); // the payment of the refunded booking
    expect(report.summary.amountMismatch).toBeGreaterThanOrEqual(1);
    expect(report.summary.missingAtProvider).toBeGreaterThanOrEqual(1);
    expect(report.summary.missingInLedger).toBeGreaterThanOrEqual(1);
    expect(report.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'amountMismatch',
          paymentId: mismatchedPayment,
          ledgerPaise: PRICE,
          providerPaise: PRICE - 1_000,
        }),
        expect.objectContaining({ kind: 'missingAtProvider', entity: 'refund', refundId: razorpayRefundId }),
        expect.objectContaining({
          kind: 'missingInLedger',
          paymentId: lost.razorpay_payment_id,
          providerPaise: PRICE,
          bookingId: lapsed.id,
        }),
      ]),
    );
    const { rows } = await csvRows(finance.token, report.id);
    const kindOf = (column: string, value: string) => rows.find((row) => row[column] === value)?.kind;
    expect(kindOf('razorpayPaymentId', mismatchedPayment)).toBe('amountMismatch');
    expect(kindOf('razorpayRefundId', razorpayRefundId)).toBe('missingAtProvider');
    expect(kindOf('razorpayPaymentId', lost.razorpay_payment_id)).toBe('missingInLedger');

    // The lost capture did not vanish: reconciliation recorded it, and the free slot confirmed the booking.
    const recovered = await waitForBooking(clientToken, lapsed.id, (b) => b.status === 'confirmed', 'pick-up');
    expect(recovered.meetingUrl).toBeDefined();
    // Finance hears about it.
    await waitForMessage(
      finance.token,
      'reconciliation.mismatch',
      (message) => message.data.reconciliationId === report.id,
    );
  });

  it('only finance and admins read money; only finance records payouts; bad input is a 400 naming the field', async () => {
    const admin = await loginAdmin();
    for (const path of ['/finance/payments', '/finance/ledger', '/finance/reconciliations', '/finance/refunds']) {
      expect((await api('GET', path, undefined, { token: clientToken })).status, path).toBe(403);
      expect((await api('GET', path, undefined, { token: counselor.accessToken })).status, path).toBe(403);
      expect((await api('GET', path, undefined, { token: admin })).status, path).toBe(200);
    }
    expect((await api('GET', '/finance/payments')).status).toBe(401);
    const range = { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    expect((await api('POST', '/finance/reconciliations', range, { token: counselor.accessToken })).status).toBe(403);
    expect((await api('GET', '/counselor/earnings?period=2026-11', undefined, { token: clientToken })).status).toBe(
      403,
    );

    const badRequests: [string, string, unknown, string][] = [
      ['GET', '/finance/payments?from=yesterday', undefined, 'from'],
      ['GET', '/finance/payments?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', undefined, 'to'],
      ['GET', '/finance/payments?counselorId=42', undefined, 'counselorId'],
      ['GET', '/finance/payments?status=lost', undefined, 'status'],
      ['GET', '/finance/ledger?account=cash', undefined, 'account'],
      ['GET', '/finance/ledger?limit=500', undefined, 'limit'],
      ['GET', '/finance/payouts?period=2026-13', undefined, 'period'],
      ['GET', '/finance/payouts', undefined, 'period'],
      ['POST', '/finance/reconciliations', { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
      ['POST', '/finance/reconciliations', { from: 'last week', to: '2026-11-01T00:00:00Z' }, 'from'],
      [
        'POST',
        '/finance/payouts',
        { counselorId: 'x', period: '2026-11', amountPaise: 1, reference: 'UTR1234' },
        'counselorId',
      ],
      [
        'POST',
        '/finance/payouts',
        { counselorId: counselor.id, period: '2026-11', amountPaise: 1.5, reference: 'UTR1234' },
        'amountPaise',
      ],
    ];
    for (const [method, path, body, field] of badRequests) {
      const response = await api(method, path, body, { token: finance.token });
      expect(response.status, `${method} ${path}: ${response.text}`).toBe(400);
      expect(JSON.stringify(response.body), `${method} ${path}`).toContain(field);
    }
    const earningsBad = await api('GET', '/counselor/earnings?period=11-2026', undefined, {
      token: counselor.accessToken,
    });
    expect(earningsBad.status).toBe(400);
    expect(
      (await api('GET', '/finance/reconciliations/00000000-0000-4000-8000-000000000000', undefined, { token: admin }))
        .status,
    ).toBe(404);
    expect((await api('GET', '/finance/reconciliations/not-an-id/items.csv', undefined, { token: admin })).status).toBe(
      404,
    );
  });
});

function sum<T>(rows: T[], key: keyof T): number {
  return rows.reduce((total, row) => total + Number(row[key]), 0);
}

function balance(entries: { account: string; debitPaise: number; creditPaise: number }[], account: string): number {
  return entries
    .filter((entry) => entry.account === account)
    .reduce((total, entry) => total + entry.debitPaise - entry.creditPaise, 0);
}

function withoutCounselor<T extends { counselorId: string }>(row: T): Omit<T, 'counselorId'> {
  const { counselorId: _counselorId, ...rest } = row;
  return rest;
}

async function sandboxPaymentOf(bookingId: string): Promise<string> {
  const response = await api<Page<FinancePaymentView>>('GET', '/finance/payments?limit=100', undefined, {
    token: finance.token,
  });
  const payment = response.body.items.find((item) => item.bookingId === bookingId);
  if (!payment) throw new Error(`no payment for booking ${bookingId}`);
  return payment.razorpayPaymentId;
}

async function razorpayRefundOf(bookingId: string): Promise<string> {
  const response = await api<Page<{ bookingId: string; razorpayRefundId: string | null }>>(
    'GET',
    '/finance/refunds?limit=100',
    undefined,
    { token: finance.token },
  );
  const refund = response.body.items.find((item) => item.bookingId === bookingId);
  if (!refund?.razorpayRefundId) throw new Error(`no Razorpay refund for booking ${bookingId}`);
  return refund.razorpayRefundId;
}
