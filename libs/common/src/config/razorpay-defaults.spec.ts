import { describe, expect, it } from 'vitest';
import { isLocalUrl, resolveRazorpayApiUrl } from './razorpay-defaults';

describe('resolveRazorpayApiUrl', () => {
  it('defaults to the local sandbox when no real key is configured', () => {
    expect(resolveRazorpayApiUrl({})).toBe('http://127.0.0.1:4010');
    expect(resolveRazorpayApiUrl({ RAZORPAY_KEY_ID: 'rzp_test_havensandbox', RAZORPAY_SANDBOX_PORT: '4011' })).toBe(
      'http://127.0.0.1:4011',
    );
  });

  it('leaves a real key on Razorpay, and honours an explicit URL', () => {
    expect(resolveRazorpayApiUrl({ RAZORPAY_KEY_ID: 'rzp_live_Real' })).toBeUndefined();
    expect(resolveRazorpayApiUrl({ RAZORPAY_KEY_ID: 'rzp_live_Real', RAZORPAY_API_URL: 'http://sandbox:4010/' })).toBe(
      'http://sandbox:4010',
    );
  });
});

describe('isLocalUrl', () => {
  it('is true for this machine only', () => {
    expect(isLocalUrl('http://127.0.0.1:4010')).toBe(true);
    expect(isLocalUrl('http://localhost:4010')).toBe(true);
    expect(isLocalUrl('https://api.razorpay.com')).toBe(false);
    expect(isLocalUrl(undefined)).toBe(false);
    expect(isLocalUrl('not a url')).toBe(false);
  });
});
