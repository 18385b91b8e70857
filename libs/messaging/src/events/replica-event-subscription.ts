import type { EventContract, EventEnvelope } from '@haven/contracts';
import { Logger } from '@nestjs/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import { AMQP_MANAGER_OPTIONS, assertEventTopology, EVENTS_EXCHANGE } from '../topology';

export interface ReplicaEventHandlers {
  onEvent(envelope: EventEnvelope): void;
  /**
   * Events may have been missed: the subscription has just (re)connected, or has lost the broker.
   * Whoever caches on the strength of these events must forget everything.
   */
  onReset(): void;
}

/**
 * Every event of some types, delivered to this process whichever replica it is: each subscription
 * has its own queue (exclusive, gone with its connection), unlike a service's shared events queue
 * where one replica takes each event. For in-process caches that every replica must drop when the
 * owner announces a change. Delivery is at most once: nothing is kept while the subscription is
 * down, so `isLive()` says whether to trust what it invalidates, and `onReset` runs on every change.
 */
export class ReplicaEventSubscription {
  private readonly logger = new Logger(ReplicaEventSubscription.name);
  private readonly connection: AmqpConnectionManager;
  private readonly channel: ChannelWrapper;
  private live = false;

  constructor(
    url: string,
    private readonly name: string,
    events: readonly EventContract<unknown>[],
    private readonly handlers: ReplicaEventHandlers,
  ) {
    this.connection = amqp.connect([url], AMQP_MANAGER_OPTIONS);
    this.connection.on('disconnect', ({ err }) => {
      this.logger.warn(`${name} lost the broker: ${err?.message ?? 'closed'}`);
      this.setLive(false);
    });
    this.channel = this.connection.createChannel({
      json: false,
      setup: async (channel: Channel) => {
        this.setLive(false);
        await assertEventTopology(channel);
        const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
        for (const event of events) await channel.bindQueue(queue, EVENTS_EXCHANGE, event.type);
        await channel.consume(queue, (message) => this.receive(message), { noAck: true });
        this.setLive(true);
      },
    });
    this.channel.on('error', (error: Error) => this.logger.warn(`${name} could not subscribe: ${error.message}`));
  }

  isLive(): boolean {
    return this.live && this.connection.isConnected();
  }

  async close(): Promise<void> {
    this.setLive(false);
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }

  private setLive(live: boolean): void {
    this.live = live;
    this.handlers.onReset();
  }

  private receive(message: ConsumeMessage | null): void {
    if (!message) return; // the broker cancelled the consumer; the next connect subscribes again
    let envelope: EventEnvelope;
    try {
      // Published as Nest's RMQ server reads it: `{ pattern, data: envelope }` (see EventPublisher).
      envelope = (JSON.parse(message.content.toString()) as { data: EventEnvelope }).data;
    } catch {
      this.logger.warn(`${this.name} ignored an event that is not JSON`);
      return;
    }
    if (typeof envelope?.type !== 'string') return;
    this.handlers.onEvent(envelope);
  }
}
