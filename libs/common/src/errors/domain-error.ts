import type { ErrorKind, FieldError, RpcErrorPayload } from '@haven/contracts';

/**
 * The only error a service raises on purpose. Transport-free: the service's RPC filter turns it
 * into a payload and the gateway maps `kind` to an HTTP status.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
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

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what}_not_found`, `${capitalize(what)} not found`);
  }

  static conflict(code: string, message: string): DomainError {
    return new DomainError('conflict', code, message);
  }

  static unprocessable(code: string, message: string): DomainError {
    return new DomainError('unprocessable', code, message);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('forbidden', 'forbidden', message);
  }

  static rateLimited(code: string, message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', code, message, undefined, retryAfterSeconds);
  }

  static unauthenticated(message: string, code = 'unauthenticated'): DomainError {
    return new DomainError('unauthenticated', code, message);
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

  static fromPayload(payload: RpcErrorPayload): DomainError {
    return new DomainError(payload.kind, payload.code, payload.message, payload.details, payload.retryAfterSeconds);
  }
}

function capitalize(text: string): string {
  const spaced = text.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
