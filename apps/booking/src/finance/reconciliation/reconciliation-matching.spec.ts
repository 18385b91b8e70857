import { describe, expect, it } from 'vitest';
import {
  type LedgerPayment,
  type LedgerRefund,
  matchRecords,
  type ProviderPayment,
  type ProviderRefund,
  summarize,
} from './reconciliation-matching';

const payment = (n: number, amountPaise = 50_000): LedgerPayment => ({
  paymentId: `p-${n}`,
  bookingId: `b-${n}`,
  razorpayPaymentId: `pay_${n}`,
  razorpayOrderId: `order_${n}`,
  amountPaise,
});
const theirPayment = (n: number, amountPaise = 50_000, extra: Partial<ProviderPayment> = {}): ProviderPayment => ({
  id: `pay_${n}`,
  orderId: `order_${n}`,
  amountPaise,
  status: 'captured',
  reconAmountPaise: amountPaise,
  settlementId: null,
  ...extra,
});
const refund = (n: number, amountPaise: number, extra: Partial<LedgerRefund> = {}): LedgerRefund => ({
  refundId: `r-${n}`,
  paymentId: `p-${n}`,
  bookingId: `b-${n}`,
  razorpayPaymentId: `pay_${n}`,
  razorpayRefundId: `rfnd_${n}`,
  amountPaise,
  status: 'processed',
  lastError: null,
  ...extra,
});
const theirRefund = (n: number, amountPaise: number, extra: Partial<ProviderRefund> = {}): ProviderRefund => ({
  id: `rfnd_${n}`,
  paymentId: `pay_${n}`,
  amountPaise,
  status: 'processed',
  ...extra,
});

describe('reconciliation matching', () => {
  it('a clean period is all matched: every payment and refund, once', () => {
    const items = matchRecords(
      { payments: [payment(1), payment(2)], refunds: [refund(2, 25_000)] },
      {
        payments: [theirPayment(1, 50_000, { settlementId: 'setl_1' }), theirPayment(2)],
        refunds: [theirRefund(2, 25_000)],
      },
    );
    expect(summarize(items)).toEqual({
      matched: 3,
      amountMismatch: 0,
      missingAtProvider: 0,
      missingInLedger: 0,
      statusMismatch: 0,
    });
    expect(items[0]).toMatchObject({ razorpayPaymentId: 'pay_1', settlementId: 'setl_1', note: 'settled in setl_1' });
  });

  it('flags a capture Razorpay has and the ledger does not (a lost webhook), with its order', () => {
    const [item] = matchRecords({ payments: [], refunds: [] }, { payments: [theirPayment(7)], refunds: [] });
    expect(item).toMatchObject({
      kind: 'missingInLedger',
      entity: 'payment',
      razorpayPaymentId: 'pay_7',
      razorpayOrderId: 'order_7',
      providerPaise: 50_000,
      ledgerPaise: null,
    });
  });

  it('ignores failed and merely authorised attempts at Razorpay: no money moved', () => {
    const items = matchRecords(
      { payments: [], refunds: [] },
      {
        payments: [theirPayment(1, 100, { status: 'failed' }), theirPayment(2, 100, { status: 'authorized' })],
        refunds: [theirRefund(3, 100, { status: 'failed' })],
      },
    );
    expect(items).toEqual([]);
  });

  it('flags amounts that differ, in the payments API or in the settlement report', () => {
    const items = matchRecords(
      { payments: [payment(1), payment(2)], refunds: [refund(3, 100)] },
      {
        payments: [theirPayment(1, 49_900), theirPayment(2, 50_000, { reconAmountPaise: 40_000 })],
        refunds: [theirRefund(3, 200)],
      },
    );
    expect(items.map((item) => [item.kind, item.ledgerPaise, item.providerPaise])).toEqual([
      ['amountMismatch', 50_000, 49_900],
      ['amountMismatch', 50_000, 40_000],
      ['amountMismatch', 100, 200],
    ]);
    expect(items[1].note).toMatch(/settlement report/);
  });

  it('flags what Razorpay does not have: a payment, a refund it never accepted, a refund it does not know', () => {
    const items = matchRecords(
      {
        payments: [payment(1)],
        refunds: [
          refund(2, 100, { razorpayRefundId: null, status: 'pending', lastError: 'Razorpay unavailable' }),
          refund(3, 100),
        ],
      },
      { payments: [], refunds: [] },
    );
    expect(items.map((item) => item.kind)).toEqual(['missingAtProvider', 'missingAtProvider', 'missingAtProvider']);
    expect(items[1].note).toBe('Razorpay has not accepted this refund: Razorpay unavailable');
    expect(items[2]).toMatchObject({ entity: 'refund', razorpayRefundId: 'rfnd_3', refundId: 'r-3' });
  });

  it('flags states that disagree', () => {
    const items = matchRecords(
      { payments: [payment(1)], refunds: [refund(2, 100, { status: 'pending' })] },
      { payments: [theirPayment(1, 50_000, { status: 'failed' })], refunds: [theirRefund(2, 100)] },
    );
    expect(items.map((item) => [item.kind, item.ledgerStatus, item.providerStatus])).toEqual([
      ['statusMismatch', 'captured', 'failed'],
      ['statusMismatch', 'pending', 'processed'],
    ]);
  });

  it('a refund at Razorpay the ledger does not know is missing in the ledger', () => {
    const [item] = matchRecords({ payments: [], refunds: [] }, { payments: [], refunds: [theirRefund(5, 300)] });
    expect(item).toMatchObject({ kind: 'missingInLedger', entity: 'refund', razorpayRefundId: 'rfnd_5' });
  });
});
