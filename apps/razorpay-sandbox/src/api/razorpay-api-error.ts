/**
 * An error answered in Razorpay's shape:
 * `{"error":{"code","description","source","step","reason","metadata":{},"field"}}`.
 */
export class RazorpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST_ERROR' | 'SERVER_ERROR' | 'GATEWAY_ERROR',
    readonly description: string,
    readonly details: { field?: string; source?: string; step?: string; reason?: string } = {},
  ) {
    super(description);
    this.name = 'RazorpayApiError';
  }

  body(): { error: Record<string, unknown> } {
    return {
      error: {
        code: this.code,
        description: this.description,
        source: this.details.source ?? 'NA',
        step: this.details.step ?? 'NA',
        reason: this.details.reason ?? 'NA',
        metadata: {},
        ...(this.details.field ? { field: this.details.field } : {}),
      },
    };
  }
}

/** A request Razorpay refuses as invalid input (400), naming the field when there is one. */
export function invalidInput(description: string, field?: string): RazorpayApiError {
  return new RazorpayApiError(400, 'BAD_REQUEST_ERROR', description, {
    field,
    source: 'business',
    step: 'payment_initiation',
    reason: 'input_validation_failed',
  });
}

/** Razorpay answers 400 (not 404) for an id it does not know. */
export function unknownId(): RazorpayApiError {
  return new RazorpayApiError(400, 'BAD_REQUEST_ERROR', 'The id provided does not exist');
}

export function authenticationFailed(): RazorpayApiError {
  return new RazorpayApiError(401, 'BAD_REQUEST_ERROR', 'Authentication failed');
}

export function injectedOutage(): RazorpayApiError {
  return new RazorpayApiError(503, 'SERVER_ERROR', 'The server is temporarily unavailable (injected fault)');
}
