import { describe, expect, it } from 'vitest';
import { RazorpayApiError } from './razorpay-api-error';
import {
  parseIdempotencyKey,
  parseListQuery,
  parseOrderCreate,
  parseReconQuery,
  parseRefundCreate,
} from './request-validation';

function refusal(run: () => unknown): { description: string; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof RazorpayApiError) return { description: error.description, field: error.details.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('order create rules', () => {
  it('accepts paise, INR, a receipt and notes', () => {
    expect(parseOrderCreate({ amount: 29935, currency: 'INR', receipt: 'bk_1', notes: { bookingId: 'b' } })).toEqual({
      amount: 29935,
      currency: 'INR',
      receipt: 'bk_1',
      notes: { bookingId: 'b' },
      partialPayment: false,
    });
  });

  it('refuses amounts below ₹1, fractions, missing amount or currency, long receipts and unknown fields', () => {
    expect(refusal(() => parseOrderCreate({ amount: 99, currency: 'INR' }))).toEqual({
      description: 'The amount must be at least INR 1.00',
      field: 'amount',
    });
    expect(refusal(() => parseOrderCreate({ amount: 9999.5, currency: 'INR' })).field).toBe('amount');
    expect(refusal(() => parseOrderCreate({ currency: 'INR' })).description).toBe('The amount field is required.');
    expect(refusal(() => parseOrderCreate({ amount: 100 })).field).toBe('currency');
    expect(refusal(() => parseOrderCreate({ amount: 100, currency: 'USD' })).field).toBe('currency');
    expect(refusal(() => parseOrderCreate({ amount: 100, currency: 'INR', receipt: 'x'.repeat(41) })).field).toBe(
      'receipt',
    );
    expect(refusal(() => parseOrderCreate({ amount: 100, currency: 'INR', rupees: 1 })).field).toBe('rupees');
    const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
    expect(refusal(() => parseOrderCreate({ amount: 100, currency: 'INR', notes })).field).toBe('notes');
  });
});

describe('refund rules', () => {
  it('defaults to a full, normal-speed refund and refuses less than ₹1', () => {
    expect(parseRefundCreate(undefined)).toEqual({ amount: null, speed: 'normal', notes: {}, receipt: null });
    expect(refusal(() => parseRefundCreate({ amount: 50 })).field).toBe('amount');
    expect(refusal(() => parseRefundCreate({ speed: 'instant' })).field).toBe('speed');
  });

  it('takes idempotency keys of 10+ letters, digits, _ and -', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey('refund_1234-abcd')).toBe('refund_1234-abcd');
    expect(refusal(() => parseIdempotencyKey('short')).field).toBe('X-Refund-Idempotency');
    expect(refusal(() => parseIdempotencyKey('has spaces in it')).field).toBe('X-Refund-Idempotency');
  });
});

describe('list and recon queries', () => {
  it('reads from/to as Unix seconds with `to` covering its whole second, count 1–100', () => {
    const query = parseListQuery({ from: '1700000000', to: '1700000100', count: '5', skip: '10' });
    expect(query.from).toEqual(new Date(1_700_000_000_000));
    expect(query.to).toEqual(new Date(1_700_000_100_999));
    expect(query).toMatchObject({ count: 5, skip: 10 });
    expect(parseListQuery({})).toMatchObject({ from: null, to: null, count: 10, skip: 0 });
    expect(refusal(() => parseListQuery({ count: '0' })).field).toBe('count');
    expect(refusal(() => parseListQuery({ count: '101' })).field).toBe('count');
    expect(refusal(() => parseListQuery({ from: 'yesterday' })).field).toBe('from');
  });

  it('requires a 4-digit year and a month 1–12; day 1–31 and count up to 1000 are optional', () => {
    expect(parseReconQuery({ year: '2026', month: '03', day: '7' })).toEqual({
      year: 2026,
      month: 3,
      day: 7,
      count: 10,
      skip: 0,
    });
    expect(refusal(() => parseReconQuery({ month: '3' })).field).toBe('year');
    expect(refusal(() => parseReconQuery({ year: '26', month: '3' })).field).toBe('year');
    expect(refusal(() => parseReconQuery({ year: '2026', month: '13' })).field).toBe('month');
    expect(refusal(() => parseReconQuery({ year: '2026', month: '1', day: '32' })).field).toBe('day');
  });
});
