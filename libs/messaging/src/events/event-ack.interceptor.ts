import type { EventEnvelope } from '@haven/contracts';
import { runWithCorrelationId } from '@haven/common';
import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';
import { Observable } from 'rxjs';

const MAX_RETRY_DELAY_MS = 3000;

/**
 * Event handlers run with manual acknowledgement: ack once the handler's effect committed; on
 * failure wait a little and hand the message back, until the queue's delivery limit sends it to
 * the dead-letter queue. Handlers run inside the event's correlation id.
 */
@Injectable()
export class EventAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('EventConsumer');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const message = rmq.getMessage() as Message;
    // RPC requests are auto-acked; only event deliveries (no replyTo) are ours to settle.
    if (message.properties.replyTo) return next.handle();
    const channel = rmq.getChannelRef() as Channel;
    const event = context.switchToRpc().getData<EventEnvelope>();

    return new Observable((subscriber) => {
      runWithCorrelationId(event?.correlationId, () => {
        const values: unknown[] = [];
        next.handle().subscribe({
          next: (value) => values.push(value),
          error: (error: unknown) => {
            void this.retryLater(channel, message, event, error).finally(() => subscriber.complete());
          },
          complete: () => {
            this.settle(() => channel.ack(message));
            values.forEach((value) => subscriber.next(value));
            subscriber.complete();
          },
        });
      });
    });
  }

  private async retryLater(channel: Channel, message: Message, event: EventEnvelope, error: unknown): Promise<void> {
    const attempt = Number(message.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    this.logger.error(
      { err: error, eventId: event?.id, eventType: event?.type, attempt },
      `handling ${event?.type ?? 'an event'} failed (attempt ${attempt}); it will be retried or dead-lettered`,
    );
    await sleep(Math.min(100 * 2 ** attempt, MAX_RETRY_DELAY_MS));
    this.settle(() => channel.nack(message, false, true));
  }

  /** A channel that closed since delivery cannot settle; the broker redelivers the message itself. */
  private settle(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.logger.warn(`could not settle a delivery: ${(error as Error).message}`);
    }
  }
}
