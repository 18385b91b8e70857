import type { RpcErrorPayload } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { type ArgumentsHost, Catch, HttpException, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Service side of the error contract: domain errors cross the broker as typed payloads; anything
 * else is logged with its stack and reaches the caller as an opaque internal error.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    if (exception instanceof HttpException && exception.getStatus() === 400) {
      const payload: RpcErrorPayload = { kind: 'validation', code: 'validation_failed', message: exception.message };
      return throwError(() => payload);
    }
    const pattern =
      host.getType() === 'rpc'
        ? host.switchToRpc().getContext<{ getPattern?: () => string }>().getPattern?.()
        : undefined;
    this.logger.error({ err: exception, pattern }, `unexpected error while handling ${pattern ?? 'a message'}`);
    const payload: RpcErrorPayload = { kind: 'internal', code: 'internal_error', message: 'Internal error' };
    return throwError(() => payload);
  }
}
