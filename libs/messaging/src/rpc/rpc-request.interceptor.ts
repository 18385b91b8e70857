import type { RpcRequest } from '@haven/contracts';
import { DomainError, runWithCorrelationId } from '@haven/common';
import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { finalize, Observable } from 'rxjs';
import { settleDelivery } from '../settle-delivery';

/** Whether the caller stopped waiting for a request before the service got to it. */
export function callerHasGivenUp(deadline: unknown, now = Date.now()): boolean {
  return typeof deadline === 'number' && Number.isFinite(deadline) && deadline <= now;
}

/**
 * The service side of every RPC request: runs the handler inside the caller's correlation id, acks
 * the request only once the handler has answered (so a replica that dies mid-request hands it back
 * to the queue for another replica), and does not start work whose caller has already given up.
 */
@Injectable()
export class RpcRequestInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RpcServer');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const message = rmq.getMessage() as Message;
    if (!message.properties.replyTo) return next.handle();
    const channel = rmq.getChannelRef() as Channel;
    const request = context.switchToRpc().getData<Partial<RpcRequest<unknown>>>();
    const ack = () => settleDelivery(this.logger, () => channel.ack(message));

    return new Observable((subscriber) =>
      runWithCorrelationId(request?.meta?.correlationId, () => {
        const deadline = request?.meta?.deadline;
        if (callerHasGivenUp(deadline)) {
          this.logger.warn(
            { pattern: rmq.getPattern(), requestId: request?.meta?.requestId, lateMs: Date.now() - Number(deadline) },
            `not starting ${rmq.getPattern()}: its caller stopped waiting`,
          );
          ack();
          subscriber.error(DomainError.unavailable('deadline_exceeded', 'The caller stopped waiting'));
          return;
        }
        next.handle().pipe(finalize(ack)).subscribe(subscriber);
      }),
    );
  }
}
