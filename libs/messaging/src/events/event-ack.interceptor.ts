import type { EventEnvelope } from '@haven/contracts';
import { runWithCorrelationId } from '@haven/common';
import { isInfrastructureError } from '@haven/database';
import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';
import { lastValueFrom, Observable, toArray } from 'rxjs';
import { settleDelivery } from '../settle-delivery';

const MAX_RETRY_DELAY_MS = 3000;
/** While the database is unreachable a held event is retried this often at most. */
export const INFRASTRUCTURE_RETRY_MAX_DELAY_MS = 5000;
const INFRASTRUCTURE_RETRY_FIRST_DELAY_MS = 250;

/** The channel closed under a held delivery: the broker has already put it back in the queue. */
const CHANNEL_GONE = Symbol('channel gone');

/**
 * Event handlers run with manual acknowledgement: ack once the handler's effect committed. When the
 * handler fails because the infrastructure is unavailable (the database is down or restarting), the
 * delivery is held and retried in-process with backoff until it is back: the message never returns
 * to the queue, so an outage burns none of its delivery attempts, and with a bounded prefetch the
 * consumer stops taking new messages meanwhile. Any other failure hands the message back after a
 * short wait, until the queue's delivery limit sends it to the dead-letter queue. Handlers run inside
 * the event's correlation id.
 */
@Injectable()
export class EventAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('EventConsumer');
  private readonly closedChannels = new WeakMap<Channel, { closed: boolean }>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const message = rmq.getMessage() as Message;
    // RPC requests are settled by the RPC interceptor; only event deliveries (no replyTo) are ours.
    if (message.properties.replyTo) return next.handle();
    const channel = rmq.getChannelRef() as Channel;
    const event = context.switchToRpc().getData<EventEnvelope>();

    return new Observable((subscriber) => {
      runWithCorrelationId(event?.correlationId, () => {
        this.handleHoldingThroughOutages(next, channel, event).then(
          (values) => {
            if (values !== CHANNEL_GONE) {
              settleDelivery(this.logger, () => channel.ack(message));
              values.forEach((value) => subscriber.next(value));
            }
            subscriber.complete();
          },
          (error: unknown) => {
            void this.retryLater(channel, message, event, error).finally(() => subscriber.complete());
          },
        );
      });
    });
  }

  private async handleHoldingThroughOutages(
    next: CallHandler,
    channel: Channel,
    event: EventEnvelope | undefined,
  ): Promise<unknown[] | typeof CHANNEL_GONE> {
    const channelState = this.watch(channel);
    let heldSince: number | undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const values = await lastValueFrom(next.handle().pipe(toArray()));
        if (heldSince !== undefined) {
          this.logger.log(
            { eventId: event?.id, eventType: event?.type, heldMs: Date.now() - heldSince },
            `${event?.type ?? 'an event'} applied after the infrastructure came back`,
          );
        }
        return values;
      } catch (error) {
        if (!isInfrastructureError(error)) throw error;
        if (heldSince === undefined) {
          heldSince = Date.now();
          this.logger.warn(
            { eventId: event?.id, eventType: event?.type, reason: (error as Error).message },
            `infrastructure unavailable while handling ${event?.type ?? 'an event'}; holding it until it is back`,
          );
        }
        await sleep(Math.min(INFRASTRUCTURE_RETRY_FIRST_DELAY_MS * 2 ** attempt, INFRASTRUCTURE_RETRY_MAX_DELAY_MS));
        if (channelState.closed) return CHANNEL_GONE;
      }
    }
  }

  private watch(channel: Channel): { closed: boolean } {
    let state = this.closedChannels.get(channel);
    if (!state) {
      const created = { closed: false };
      channel.once('close', () => (created.closed = true));
      this.closedChannels.set(channel, created);
      state = created;
    }
    return state;
  }

  private async retryLater(channel: Channel, message: Message, event: EventEnvelope, error: unknown): Promise<void> {
    const attempt = Number(message.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    this.logger.error(
      { err: error, eventId: event?.id, eventType: event?.type, attempt },
      `handling ${event?.type ?? 'an event'} failed (attempt ${attempt}); it will be retried or dead-lettered`,
    );
    await sleep(Math.min(100 * 2 ** attempt, MAX_RETRY_DELAY_MS));
    settleDelivery(this.logger, () => channel.nack(message, false, true));
  }
}
