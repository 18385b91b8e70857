import type { RpcErrorPayload } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { isInfrastructureError } from '@haven/database';
import { type ArgumentsHost, Catch, HttpException, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Service side of the error contract: domain errors cross the broker as typed payloads; the
 * database being unavailable (down, restarting, out of connections) is `unavailable` (503 at the
 * edge: try again), not a fault of the request; anything else is logged with its stack and reaches
 * the caller as an opaque internal error.
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
    if (isInfrastructureError(exception)) {
      this.logger.warn(
        { err: exception, pattern },
        `infrastructure unavailable while handling ${pattern ?? 'a message'}`,
      );
      const payload: RpcErrorPayload = {
        kind: 'unavailable',
        code: 'infrastructure_unavailable',
        message: 'The service cannot reach its database right now; try again shortly',
      };
      return throwError(() => payload);
    }
    this.logger.error({ err: exception, pattern }, `unexpected error while handling ${pattern ?? 'a message'}`);
    const payload: RpcErrorPayload = { kind: 'internal', code: 'internal_error', message: 'Internal error' };
    return throwError(() => payload);
  }
}
