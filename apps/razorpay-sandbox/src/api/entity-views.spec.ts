import { describe, expect, it } from 'vitest';
import type { OrderRow, PaymentRow } from '../store/entities';
import { paymentFee } from '../store/fees';
import { newRazorpayId } from '../store/razorpay-ids';
import { orderView, paymentView } from './entity-views';
import { basicCredentialsMatch } from './basic-credentials';

describe('Razorpay shapes', () => {
  it('ids are a prefix and 14 alphanumerics', () => {
    for (const prefix of ['order', 'pay', 'rfnd', 'setl', 'evt'] as const) {
      expect(newRazorpayId(prefix)).toMatch(new RegExp(`^${prefix}_[A-Za-z0-9]{14}$`));
    }
    expect(newRazorpayId('pay')).not.toBe(newRazorpayId('pay'));
  });

  it('an order shows what is due, Unix seconds and empty notes as []', () => {
    const order = {
      id: 'order_A',
      amount: 50000,
      amountPaid: 0,
      currency: 'INR',
      receipt: 'bk',
      notes: {},
      status: 'created',
      attempts: 0,
      createdAt: new Date('2026-01-01T00:00:01.900Z'),
    } as OrderRow;
    expect(orderView(order)).toMatchObject({
      entity: 'order',
      amount_due: 50000,
      notes: [],
      created_at: 1767225601,
      offer_id: null,
    });
  });

  it('a card payment shows only the last four digits of the test card', () => {
    const view = paymentView({
      id: 'pay_ABCDEFGHIJKLMN',
      method: 'card',
      status: 'captured',
      notes: {},
      createdAt: new Date(),
    } as PaymentRow);
    expect(view.card).toMatchObject({ last4: '1007', network: 'Visa' });
    expect(JSON.stringify(view)).not.toMatch(/\d{12,}1007/);
  });

  it('the fee is 2 % plus 18 % GST on it, tax included in fee', () => {
    expect(paymentFee(50000)).toEqual({ fee: 1180, tax: 180 });
    expect(paymentFee(100)).toEqual({ fee: 2, tax: 0 });
  });
});

describe('basicCredentialsMatch', () => {
  const header = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;
  it('accepts exactly key_id:key_secret', () => {
    expect(basicCredentialsMatch(header('rzp_test_x:secret'), 'rzp_test_x:secret')).toBe(true);
  });
  it('refuses other credentials, other schemes and no header', () => {
    expect(basicCredentialsMatch(header('rzp_test_x:secreT'), 'rzp_test_x:secret')).toBe(false);
    expect(basicCredentialsMatch(header('rzp_test_x:secret2'), 'rzp_test_x:secret')).toBe(false);
    expect(basicCredentialsMatch('Bearer abc', 'rzp_test_x:secret')).toBe(false);
    expect(basicCredentialsMatch(undefined, 'rzp_test_x:secret')).toBe(false);
  });
});
