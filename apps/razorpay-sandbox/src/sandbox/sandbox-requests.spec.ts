import { describe, expect, it } from 'vitest';
import { RazorpayApiError } from '../api/razorpay-api-error';
import { parseAmountOverride, parseFaults, parsePayRequest } from './sandbox-requests';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RazorpayApiError) return error.details.field;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sandbox requests', () => {
  it('pays by UPI unless card is asked for', () => {
    expect(parsePayRequest({ outcome: 'success' })).toEqual({ outcome: 'success', method: 'upi' });
    expect(parsePayRequest({ outcome: 'failure', method: 'card' })).toEqual({ outcome: 'failure', method: 'card' });
    expect(fieldOf(() => parsePayRequest({}))).toBe('outcome');
    expect(fieldOf(() => parsePayRequest({ outcome: 'success', method: 'netbanking' }))).toBe('method');
  });

  it('reads a whole fault set, fields left out being off, and refuses out-of-range values', () => {
    expect(parseFaults({ webhookDrop: true, apiFailNext: 2 })).toEqual({
      webhookDuplicates: 0,
      webhookDelayMs: 0,
      webhookShuffle: false,
      webhookDrop: true,
      apiFailNext: 2,
    });
    expect(fieldOf(() => parseFaults({ webhookDuplicates: 11 }))).toBe('webhookDuplicates');
    expect(fieldOf(() => parseFaults({ webhookDelayMs: 1.5 }))).toBe('webhookDelayMs');
    expect(fieldOf(() => parseFaults({ webhookShuffle: 'yes' }))).toBe('webhookShuffle');
    expect(fieldOf(() => parseFaults({ webhookLoss: true }))).toBe('webhookLoss');
  });

  it('takes a planted amount of at least 100 paise', () => {
    expect(parseAmountOverride({ amount: 39_000 })).toBe(39_000);
    expect(fieldOf(() => parseAmountOverride({ amount: 99 }))).toBe('amount');
    expect(fieldOf(() => parseAmountOverride({ amount: '39000' }))).toBe('amount');
  });
});
