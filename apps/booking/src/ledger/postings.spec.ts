import { describe, expect, it } from 'vitest';
import {
  capturePostings,
  commissionOf,
  payoutPostings,
  type Posting,
  refundPostings,
  refundProcessedPostings,
  reversalOf,
  totals,
} from './postings';

function balanceOf(postings: Posting[], account: string): number {
  return postings
    .filter((posting) => posting.account === account)
    .reduce((sum, posting) => sum + posting.creditPaise - posting.debitPaise, 0);
}

describe('ledger postings', () => {
  it('splits a capture into counselor payable and a 20 % commission, balanced', () => {
    const postings = capturePostings(50_000, 20);
    expect(totals(postings)).toEqual({ debitPaise: 50_000, creditPaise: 50_000 });
    expect(balanceOf(postings, 'platform-commission')).toBe(10_000);
    expect(balanceOf(postings, 'counselor-payable')).toBe(40_000);
    expect(balanceOf(postings, 'razorpay-clearing')).toBe(-50_000);
  });

  it('balances every transaction for awkward amounts and every refund size', () => {
    for (const paid of [100, 101, 3_000, 3_333, 99_999, 1_234_567]) {
      const capture = capturePostings(paid, 20);
      expect(totals(capture).debitPaise).toBe(totals(capture).creditPaise);
      for (const refund of [1, Math.floor(paid / 2), paid - 1, paid].filter((r) => r > 0)) {
        const decided = refundPostings(paid, 0, refund, 20);
        const processed = refundProcessedPostings(refund);
        expect(totals(decided).debitPaise).toBe(totals(decided).creditPaise);
        expect(totals(processed).debitPaise).toBe(totals(processed).creditPaise);
        // After the whole run, commission is exactly round((gross − refunds) × 20 %).
        const all = [...capture, ...decided, ...processed];
        expect(balanceOf(all, 'platform-commission')).toBe(commissionOf(paid - refund, 20));
        expect(balanceOf(all, 'counselor-payable')).toBe(paid - refund - commissionOf(paid - refund, 20));
        expect(balanceOf(all, 'razorpay-clearing')).toBe(refund - paid);
        expect(balanceOf(all, 'refunds-payable')).toBe(0);
      }
    }
  });

  it('takes the whole commission back on a full refund', () => {
    const all = [...capturePostings(3_000, 20), ...refundPostings(3_000, 0, 3_000, 20)];
    expect(balanceOf(all, 'platform-commission')).toBe(0);
    expect(balanceOf(all, 'counselor-payable')).toBe(0);
  });

  it('refuses a refund beyond what was paid, and amounts that are not positive integers', () => {
    expect(() => refundPostings(3_000, 2_000, 1_001, 20)).toThrow(RangeError);
    expect(() => capturePostings(0, 20)).toThrow(RangeError);
    expect(() => capturePostings(10.5, 20)).toThrow(RangeError);
  });

  it('a payout moves what is owed to the counselor out of the bank account, balanced', () => {
    const postings = payoutPostings(29_623);
    expect(totals(postings)).toEqual({ debitPaise: 29_623, creditPaise: 29_623 });
    expect(balanceOf(postings, 'counselor-payable')).toBe(-29_623);
    expect(balanceOf(postings, 'bank')).toBe(29_623);
    expect(() => payoutPostings(0)).toThrow(RangeError);
  });

  it('reverses a failed refund’s decision: every account back where it was, refunds-payable owing nothing', () => {
    const capture = capturePostings(33_333, 20);
    const decided = refundPostings(33_333, 0, 16_667, 20);
    const reversed = reversalOf(decided);
    expect(totals(reversed).debitPaise).toBe(totals(reversed).creditPaise);
    for (const account of ['razorpay-clearing', 'counselor-payable', 'platform-commission', 'refunds-payable']) {
      expect(balanceOf([...capture, ...decided, ...reversed], account)).toBe(balanceOf(capture, account));
    }
    expect(() => reversalOf([])).toThrow(RangeError);
  });
});
