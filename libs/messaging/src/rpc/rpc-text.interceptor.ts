import { textProblemIn } from '@haven/contracts';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { DomainError } from '@haven/common';

/**
 * The platform's text rules (no control characters outside multi-line fields, well-formed Unicode)
 * for every RPC request a service answers, whoever sent it: the gateway checks them first, but a
 * string PostgreSQL cannot store must never reach it as a 500. Events are our own output and pass.
 */
@Injectable()
export class RpcTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'rpc' && isRpcRequest(context)) {
      const data = context.switchToRpc().getData<{ body?: unknown } | undefined>();
      const problem = textProblemIn(data?.body);
      if (problem) {
        throw DomainError.validation(`${problem.field}: ${problem.message}`, [problem]);
      }
    }
    return next.handle();
  }
}

/** An RPC request expects an answer; an event does not. */
function isRpcRequest(context: ExecutionContext): boolean {
  const message = context.switchToRpc().getContext<{ getMessage(): { properties?: { replyTo?: string } } }>();
  return Boolean(message.getMessage().properties?.replyTo);
}
