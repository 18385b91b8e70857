import { SANDBOX_RAZORPAY_KEY_ID, SANDBOX_RAZORPAY_KEY_SECRET } from '@haven/common';
import { ConfigError, loadConfig } from '@haven/infrastructure';
import { describe, expect, it } from 'vitest';
import { BookingConfig } from './booking.config';

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((line) => line.split(':')[0]);
    throw error;
  }
  return [];
}

describe('BookingConfig Razorpay settings', () => {
  it('uses the sandbox credentials and the local sandbox when nothing is configured', () => {
    const settings = loadConfig(BookingConfig, { RAZORPAY_SANDBOX_PORT: '4555' }).razorpay;
    expect(settings).toMatchObject({
      keyId: SANDBOX_RAZORPAY_KEY_ID,
      keySecret: SANDBOX_RAZORPAY_KEY_SECRET,
      apiUrl: 'http://127.0.0.1:4555',
      timeoutMs: 10_000,
    });
  });

  it('talks to Razorpay itself with a real key and no API URL, and to the given URL otherwise', () => {
    const real = { RAZORPAY_KEY_ID: 'rzp_test_RealKey123', RAZORPAY_KEY_SECRET: 's', RAZORPAY_WEBHOOK_SECRET: 'w' };
    expect(loadConfig(BookingConfig, real).razorpay.apiUrl).toBeUndefined();
    expect(loadConfig(BookingConfig, { ...real, RAZORPAY_API_URL: 'http://10.0.0.5:4010/' }).razorpay.apiUrl).toBe(
      'http://10.0.0.5:4010',
    );
  });

  it('requires both secrets with a real key', () => {
    expect(problemsOf(() => loadConfig(BookingConfig, { RAZORPAY_KEY_ID: 'rzp_live_RealKey123' }).razorpay)).toEqual([
      'RAZORPAY_KEY_SECRET',
      'RAZORPAY_WEBHOOK_SECRET',
    ]);
  });

  it('refuses the sandbox key and missing secrets in production', () => {
    expect(problemsOf(() => loadConfig(BookingConfig, { NODE_ENV: 'production' }).razorpay)).toEqual([
      'RAZORPAY_KEY_ID',
      'RAZORPAY_KEY_SECRET',
      'RAZORPAY_WEBHOOK_SECRET',
    ]);
    const production = {
      NODE_ENV: 'production',
      RAZORPAY_KEY_ID: 'rzp_live_RealKey123',
      RAZORPAY_KEY_SECRET: 'live-secret',
      RAZORPAY_WEBHOOK_SECRET: 'live-webhook-secret',
    };
    expect(loadConfig(BookingConfig, production).razorpay.keyId).toBe('rzp_live_RealKey123');
  });

  it('rejects a malformed key id and API URL at load time', () => {
    expect(
      problemsOf(() => loadConfig(BookingConfig, { RAZORPAY_KEY_ID: 'key', RAZORPAY_API_URL: 'localhost' })),
    ).toEqual(['RAZORPAY_KEY_ID', 'RAZORPAY_API_URL']);
  });
});
