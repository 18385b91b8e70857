import type { RpcRequest } from '@haven/contracts';
import { runWithCorrelationId } from '@haven/common';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Message } from 'amqplib';
import { Observable } from 'rxjs';

/** Runs an RPC handler inside the caller's correlation id, so its log lines and events carry it. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const message = context.switchToRpc().getContext<RmqContext>().getMessage() as Message;
    if (!message.properties.replyTo) return next.handle();
    const request = context.switchToRpc().getData<Partial<RpcRequest<unknown>>>();
    return new Observable((subscriber) =>
      runWithCorrelationId(request?.meta?.correlationId, () => next.handle().subscribe(subscriber)),
    );
  }
}
