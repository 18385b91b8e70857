import { describe, expect, it } from 'vitest';
import { reconciliationCsv, rupees } from './reconciliation-csv';
import { matchRecords } from './reconciliation-matching';

describe('reconciliation CSV', () => {
  it('has a header row and one row per item, amounts in paise and rupees, quoting what needs it', () => {
    const items = matchRecords(
      {
        payments: [
          {
            paymentId: 'p-1',
            bookingId: 'b-1',
            razorpayPaymentId: 'pay_1',
            razorpayOrderId: 'order_1',
            amountPaise: 50_005,
          },
        ],
        refunds: [],
      },
      { payments: [{ id: 'pay_1', orderId: 'order_1', amountPaise: 49_900, status: 'captured' }], refunds: [] },
    );
    items.push({ ...items[0], kind: 'matched', note: 'a note, with "quotes"\nand a line break' });
    const lines = reconciliationCsv(items).split('\r\n');
    expect(lines[0]).toBe(
      'kind,entity,razorpayPaymentId,razorpayRefundId,bookingId,ledgerPaymentId,ledgerRefundId,ledgerPaise,ledgerRupees,providerPaise,providerRupees,ledgerStatus,providerStatus,settlementId,note',
    );
    expect(lines[1]).toBe(
      'amountMismatch,payment,pay_1,,b-1,p-1,,50005,500.05,49900,499.00,captured,captured,,Razorpay says 49900 paise',
    );
    expect(lines[2]).toMatch(/,"a note, with ""quotes""\nand a line break"$/);
    expect(lines[3]).toBe('');
  });

  it('writes rupees exactly from integer paise', () => {
    expect([rupees(0), rupees(5), rupees(100), rupees(123_456_789), rupees(-5), rupees(null)]).toEqual([
      '0.00',
      '0.05',
      '1.00',
      '1234567.89',
      '-0.05',
      null,
    ]);
  });
});
