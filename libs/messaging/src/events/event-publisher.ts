import type { EventEnvelope, ServiceName } from '@haven/contracts';
import { Logger } from '@nestjs/common';
import type { ConfirmChannel } from 'amqplib';
import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import { AMQP_MANAGER_OPTIONS, assertEventTopology, EVENTS_EXCHANGE } from '../topology';

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Publishes envelopes to the events exchange on a confirm channel: `publish` resolves only once the
 * broker has taken the message. Also (re)declares the whole event topology on every reconnect.
 */
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly connection: AmqpConnectionManager;
  private readonly channel: ChannelWrapper;

  constructor(url: string, service: ServiceName) {
    this.connection = amqp.connect([url], AMQP_MANAGER_OPTIONS);
    this.connection.on('disconnect', ({ err }) =>
      this.logger.warn(`${service} event publisher lost the broker: ${err?.message ?? 'closed'}`),
    );
    this.connection.on('connect', () => this.logger.log(`${service} event publisher connected to the broker`));
    this.channel = this.connection.createChannel({
      json: false,
      confirm: true,
      setup: (channel: ConfirmChannel) => assertEventTopology(channel),
    });
    // A setup cut short (the connection closing, or the broker refusing a declaration) is retried on
    // the next connect; without a listener the wrapper's 'error' would be an unhandled rejection.
    this.channel.on('error', (error: Error) =>
      this.logger.warn(`${service} event publisher could not declare the event topology: ${error.message}`),
    );
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    // Nest's RMQ server reads `{pattern, data}`; without an `id` it is treated as an event.
    const body = Buffer.from(JSON.stringify({ pattern: envelope.type, data: envelope }));
    await this.channel.publish(EVENTS_EXCHANGE, envelope.type, body, {
      persistent: true,
      contentType: 'application/json',
      messageId: envelope.id,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      headers: { 'x-correlation-id': envelope.correlationId },
      timeout: PUBLISH_TIMEOUT_MS,
    });
  }

  /** How many messages wait in a queue (e.g. a dead-letter queue), as the broker counts them. */
  async queueDepth(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
