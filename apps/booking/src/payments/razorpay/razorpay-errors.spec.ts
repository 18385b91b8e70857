import { describe, expect, it } from 'vitest';
import {
  RazorpayAuthenticationError,
  RazorpayRequestError,
  RazorpayUnavailableError,
  toRazorpayError,
} from './razorpay-errors';

describe('toRazorpayError', () => {
  it('turns the SDK rejection of a 400 into a request error naming code, description and field', () => {
    const error = toRazorpayError({
      statusCode: 400,
      error: {
        code: 'BAD_REQUEST_ERROR',
        description: 'The amount must be at least INR 1.00',
        field: 'amount',
        source: 'business',
        step: 'payment_initiation',
        reason: 'input_validation_failed',
        metadata: {},
      },
    });
    expect(error).toBeInstanceOf(RazorpayRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST_ERROR',
      description: 'The amount must be at least INR 1.00',
      field: 'amount',
      retryable: false,
      details: { reason: 'input_validation_failed' },
    });
    expect(error.message).toContain('[amount]');
  });

  it('recognises a 401 as an authentication error', () => {
    const error = toRazorpayError({
      statusCode: 401,
      error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' },
    });
    expect(error).toBeInstanceOf(RazorpayAuthenticationError);
    expect(error.retryable).toBe(false);
  });

  it('treats 5xx and 429, with or without a body, as unavailable and retryable', () => {
    for (const rejection of [
      { statusCode: 503, error: { code: 'SERVER_ERROR', description: 'down' } },
      { statusCode: 500, error: undefined },
      { statusCode: 429, error: { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' } },
    ]) {
      const error = toRazorpayError(rejection);
      expect(error).toBeInstanceOf(RazorpayUnavailableError);
      expect(error).toMatchObject({ statusCode: rejection.statusCode, retryable: true });
    }
  });

  it("treats the SDK's TypeError on a network failure as unavailable, keeping the cause", () => {
    const typeError = new TypeError("Cannot read properties of undefined (reading 'status')");
    const error = toRazorpayError(typeError);
    expect(error).toBeInstanceOf(RazorpayUnavailableError);
    expect(error.cause).toBe(typeError);
  });

  it('reads axios errors from direct calls: with a response by status, without one as unavailable', () => {
    const refused = toRazorpayError({
      isAxiosError: true,
      response: {
        status: 400,
        data: { error: { code: 'BAD_REQUEST_ERROR', description: 'Different request with the same idempotency key' } },
      },
    });
    expect(refused).toBeInstanceOf(RazorpayRequestError);
    expect(refused).toMatchObject({ description: 'Different request with the same idempotency key' });
    const timedOut = Object.assign(new Error('timeout of 100ms exceeded'), {
      code: 'ECONNABORTED',
      isAxiosError: true,
    });
    const unavailable = toRazorpayError(timedOut);
    expect(unavailable).toBeInstanceOf(RazorpayUnavailableError);
    expect(unavailable.message).toContain('ECONNABORTED');
  });

  it('returns an already typed error unchanged', () => {
    const error = new RazorpayUnavailableError('x');
    expect(toRazorpayError(error)).toBe(error);
  });
});
