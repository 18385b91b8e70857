import Razorpay from 'razorpay';
import { describe, expect, it } from 'vitest';
import { RazorpayPayments, sdkHttp } from './razorpay-payments';

const settings = {
  keyId: 'rzp_test_unit',
  keySecret: 'secret',
  webhookSecret: 'webhook-secret',
  timeoutMs: 1234,
  retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
};

describe('the pinned razorpay SDK internals the adapter relies on', () => {
  it('exposes the axios instance at api.rq with baseURL and timeout defaults', () => {
    const client = new Razorpay({ key_id: 'rzp_test_unit', key_secret: 'secret' });
    const http = sdkHttp(client);
    expect(http.defaults.baseURL).toBe('https://api.razorpay.com');
    expect(typeof http.post).toBe('function');
  });
});

describe('RazorpayPayments', () => {
  it('points the SDK at the sandbox URL when given one, and sets the timeout', () => {
    const adapter = new RazorpayPayments({ ...settings, apiUrl: 'http://127.0.0.1:4010' });
    const http = sdkHttp((adapter as unknown as { client: Razorpay }).client);
    expect(http.defaults.baseURL).toBe('http://127.0.0.1:4010');
    expect(http.defaults.timeout).toBe(1234);
  });

  it('leaves Razorpay itself as the target without an API URL', () => {
    const adapter = new RazorpayPayments(settings);
    expect(sdkHttp((adapter as unknown as { client: Razorpay }).client).defaults.baseURL).toBe(
      'https://api.razorpay.com',
    );
  });

  it('refuses ids that are not Razorpay ids before any request', async () => {
    const adapter = new RazorpayPayments({ ...settings, apiUrl: 'http://127.0.0.1:9' });
    await expect(adapter.fetchPayment('../orders')).rejects.toThrow('not a Razorpay id');
  });
});
