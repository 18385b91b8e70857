import type { ErrorKind, FieldError, HttpErrorCode } from '@haven/contracts';
import { currentCorrelationId, DomainError } from '@haven/common';
import { RpcTimeoutError, RpcUnavailableError } from '@haven/messaging';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorBody, type ErrorBody } from './error-body';

/** The gateway edge of the error contract: every failure leaves as `{statusCode, error, message, ...}`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, statusCode: body.statusCode }, body.message);
    }
    if (response.headersSent) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const status = statusForKind(exception.kind);
      const message = status === 500 ? internalMessage() : exception.message;
      return errorBody(status, message, {
        code: exception.code,
        ...(exception.details ? { details: exception.details } : {}),
      });
    }
    if (exception instanceof RpcTimeoutError) {
      return errorBody(HttpStatus.GATEWAY_TIMEOUT, `The ${exception.service} service did not answer in time`, {
        code: 'service_timeout',
      });
    }
    if (exception instanceof RpcUnavailableError) {
      return errorBody(HttpStatus.SERVICE_UNAVAILABLE, `The ${exception.service} service is unavailable`, {
        code: 'service_unavailable',
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const { message, details, code } = response as {
          message?: unknown;
          details?: FieldError[];
          code?: HttpErrorCode;
        };
        const text = Array.isArray(message)
          ? message.join('; ')
          : typeof message === 'string'
            ? message
            : exception.message;
        return errorBody(status, text, { ...(code ? { code } : {}), ...(details ? { details } : {}) });
      }
      return errorBody(status, String(response));
    }
    // Body parser and other Express-level errors carry their own HTTP status.
    const status =
      (exception as { status?: unknown; statusCode?: unknown })?.status ??
      (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return errorBody(status, bodyParserMessage(exception, status));
    }
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, internalMessage());
  }
}

export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled error kind ${String(value)}`);
}

function internalMessage(): string {
  return `Internal error (request ${currentCorrelationId() ?? 'unknown'})`;
}

function bodyParserMessage(exception: unknown, status: number): string {
  const type = (exception as { type?: string }).type;
  if (status === 413 || type === 'entity.too.large') return 'Request body is too large (limit 1 MB)';
  if (type === 'entity.parse.failed') return 'Request body is not valid JSON';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'Unsupported request body encoding';
  return (exception as Error).message ?? 'Bad request';
}
