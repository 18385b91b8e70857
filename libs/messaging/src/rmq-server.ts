import { Logger } from '@nestjs/common';
import { type RmqContext, type RmqOptions, ServerRMQ } from '@nestjs/microservices';
import type { Channel, ConsumeMessage, Message } from 'amqplib';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { setTimeout as sleep } from 'node:timers/promises';
import { reportChannelErrors } from './channel-errors';

/**
 * Nest's RabbitMQ server, made safe to lose the broker and to stop gracefully.
 *
 * - Nest starts consuming without awaiting `channel.consume()`. When the broker goes away while a
 *   channel is being set up, that promise rejects ("Channel ended, no reply will be forthcoming")
 *   with nobody listening, and an unhandled rejection ends a Node process. Here the rejection is
 *   caught and logged; amqp-connection-manager sets the channel up again on reconnect.
 * - `drain()` stops taking deliveries (the consumers are cancelled, and not re-created on a
 *   reconnect) and waits until every delivery already taken has been acked or nacked by its handler,
 *   and their replies are confirmed, so a stopping replica finishes its work instead of dropping it
 *   half done. What is still unsettled when `close()` shuts the channel goes back to the queue for
 *   another replica.
 */
export class ResilientServerRMQ extends ServerRMQ {
  private readonly setupLogger = new Logger('RmqServer');
  private draining = false;
  private closing?: Promise<void>;
  /** Replies published and not yet confirmed by the broker. */
  private readonly pendingReplies = new Set<Promise<void>>();
  private readonly consumers: { channel: Channel; tag: Promise<string | undefined> }[] = [];
  /** Deliveries handed to a handler and not yet acked or nacked, with the channel they came on. */
  private readonly unsettled = new Map<Message, Channel>();

  constructor(options: RmqOptions['options']) {
    super(options ?? {});
  }

  /** Deliveries taken and not yet settled. */
  get inFlight(): number {
    return this.unsettled.size;
  }

  /**
   * Stops consuming and waits, at most `timeoutMs`, for the deliveries in progress to be settled and
   * for their replies to leave. Returns how many were still unsettled (they are handed back on close).
   */
  async drain(timeoutMs: number): Promise<number> {
    this.draining = true;
    await Promise.all(
      this.consumers.splice(0).map(async ({ channel, tag }) => {
        const consumerTag = await tag;
        if (consumerTag) await channel.cancel(consumerTag).catch(() => undefined);
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (this.unsettled.size > 0 && Date.now() < deadline) await sleep(25);
    while (this.pendingReplies.size > 0 && Date.now() < deadline) await sleep(25);
    return this.unsettled.size;
  }

  /**
   * As Nest sends a reply, but keeping the publish (a confirmed one) in view: `drain` waits for it,
   * and a reply the broker never confirmed (the channel closed first) is logged instead of being an
   * unhandled rejection that would end the process.
   */
  override sendMessage<T>(message: T, replyTo: string, correlationId: string, context: RmqContext): void {
    void context;
    const outgoing = this.serializer.serialize(message as Parameters<typeof this.serializer.serialize>[0]) as {
      options?: Record<string, unknown>;
    };
    const { options, ...packet } = outgoing;
    const sending = this.channel!.sendToQueue(replyTo, Buffer.from(JSON.stringify(packet)), {
      correlationId,
      ...options,
    });
    const tracked: Promise<void> = sending
      .then(() => undefined)
      .catch((error: Error) => this.setupLogger.warn(`a reply to ${replyTo} was not confirmed: ${error.message}`))
      .finally(() => this.pendingReplies.delete(tracked));
    this.pendingReplies.add(tracked);
  }

  /** A channel setup cut short by an outage is logged instead of ending the process (see reportChannelErrors). */
  override async createClient<T = AmqpConnectionManager>(): Promise<T> {
    const manager = await super.createClient<AmqpConnectionManager>();
    return reportChannelErrors(manager, (line) => this.setupLogger.warn(line)) as T;
  }

  /** Closing twice (a stopped app closed again) is a no-op rather than a "Channel closed" rejection. */
  override async close(): Promise<void> {
    this.closing ??= super.close();
    await this.closing;
  }

  override async setupChannel(channel: Channel, callback: () => void): Promise<void> {
    channel.once('close', () => {
      // The broker requeues whatever this channel had not settled; it is no longer ours to finish.
      for (const [message, owner] of this.unsettled) if (owner === channel) this.unsettled.delete(message);
    });
    return super.setupChannel(this.tracked(channel), callback);
  }

  private tracked(channel: Channel): Channel {
    const settle =
      (action: 'ack' | 'nack' | 'reject') =>
      (message: Message, ...rest: unknown[]) => {
        this.unsettled.delete(message);
        return (channel[action] as (message: Message, ...rest: unknown[]) => void)(message, ...rest);
      };
    const consume = (...args: Parameters<Channel['consume']>) => {
      const [queue, onMessage, options] = args;
      if (this.draining) return Promise.resolve({ consumerTag: '' });
      const consuming = channel.consume(
        queue,
        (message: ConsumeMessage | null) => {
          if (message && !options?.noAck) this.unsettled.set(message, channel);
          onMessage(message);
        },
        options,
      );
      consuming.catch((error: Error) =>
        this.setupLogger.warn(`consuming ${queue} stopped before it began: ${error.message}; it resumes on reconnect`),
      );
      this.consumers.push({ channel, tag: consuming.then((ok) => ok.consumerTag).catch(() => undefined) });
      return consuming;
    };
    const overrides: Partial<Record<keyof Channel, unknown>> = {
      consume,
      ack: settle('ack'),
      nack: settle('nack'),
      reject: settle('reject'),
    };
    return new Proxy(channel, {
      get(target, property, receiver) {
        if (property in overrides) return overrides[property as keyof Channel];
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

/** The options of a server, as the strategy Nest runs. */
export function resilientRmqServer(options: RmqOptions): { strategy: ResilientServerRMQ } {
  return { strategy: new ResilientServerRMQ(options.options) };
}
