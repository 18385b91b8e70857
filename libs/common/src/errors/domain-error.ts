import type { ErrorCode, ErrorKind, FieldError, RpcErrorPayload } from '@haven/contracts';

/**
 * The only error a service raises on purpose. Transport-free: the service's RPC filter turns it
 * into a payload and the gateway maps `kind` to an HTTP status.
 *
 * Every factory takes the code first (typed from the services' catalogues in `@haven/contracts`),
 * then the message, then what the kind adds; `validation`, `invalidField` and `forbidden` have one
 * code each and take no code.
 */
export class DomainError extends Error {
  private constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(message: string, details?: FieldError[]): DomainError {
    return new DomainError('validation', 'validation_failed', message, details);
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError('validation', 'validation_failed', `${field}: ${message}`, [{ field, message }]);
  }

  /** A request that is well formed but fails a check of its own (a signature, say). */
  static invalid(code: ErrorCode<'validation'>, message: string): DomainError {
    return new DomainError('validation', code, message);
  }

  static unauthenticated(code: ErrorCode<'unauthenticated'>, message: string): DomainError {
    return new DomainError('unauthenticated', code, message);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('forbidden', 'forbidden', message);
  }

  /** `booking_not_found` reads "Booking not found". */
  static notFound(code: ErrorCode<'not_found'>, message = notFoundMessage(code)): DomainError {
    return new DomainError('not_found', code, message);
  }

  static conflict(code: ErrorCode<'conflict'>, message: string): DomainError {
    return new DomainError('conflict', code, message);
  }

  static unprocessable(code: ErrorCode<'unprocessable'>, message: string): DomainError {
    return new DomainError('unprocessable', code, message);
  }

  static rateLimited(code: ErrorCode<'rate_limited'>, message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', code, message, undefined, retryAfterSeconds);
  }

  static unavailable(code: ErrorCode<'unavailable'>, message: string, retryAfterSeconds?: number): DomainError {
    return new DomainError('unavailable', code, message, undefined, retryAfterSeconds);
  }

  toPayload(): RpcErrorPayload {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }

  /** What a service answered; it raised the error through these factories, so its code is catalogued. */
  static fromPayload(payload: RpcErrorPayload): DomainError {
    const code = payload.code as ErrorCode;
    return new DomainError(payload.kind, code, payload.message, payload.details, payload.retryAfterSeconds);
  }
}

function notFoundMessage(code: string): string {
  const spaced = code.replace(/_not_found$/, '').replace(/_/g, ' ');
  return `${spaced.charAt(0).toUpperCase() + spaced.slice(1)} not found`;
}
