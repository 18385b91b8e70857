import { type CounselorApplicationDecision, DirectoryEvents, type EventEnvelope } from '@haven/contracts';
import { dropDatabase, ensureDatabaseExists, serviceDatabaseModule } from '@haven/database';
import { waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { Controller, type INestApplication, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type Channel, type ChannelModel, connect as amqpConnect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { EventPublisher } from './events/event-publisher';
import { OnEvent } from './events/on-event.decorator';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { startServiceApp } from './service-app';
import { ServiceMessagingModule } from './service-messaging.module';
import {
  declareEventTopology,
  EVENTS_EXCHANGE,
  eventsQueue,
  LEGACY_UNROUTED_QUEUE,
  UNROUTED_EXCHANGE,
  UNROUTED_MAX_EVENTS,
  UNROUTED_QUEUE,
} from './topology';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({
  id: randomUUID(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  producer: 'directory',
  correlationId: randomUUID(),
  data,
});

const received: EventEnvelope<CounselorApplicationDecision>[] = [];

@Controller()
class RejectionHandler {
  @OnEvent(DirectoryEvents.rejected)
  onRejected(@Payload() event: EventEnvelope<CounselorApplicationDecision>): void {
    received.push(event);
  }
}

describe('the event topology declared from the contracts', () => {
  let vhost: { url: string; remove(): Promise<void> };
  let connection: ChannelModel;
  let channel: Channel;

  beforeEach(async () => {
    vhost = await createEmptyVhost('topology');
    connection = await amqpConnect(vhost.url);
    channel = await connection.createChannel();
  });

  afterEach(async () => {
    await connection?.close().catch(() => undefined);
    await vhost?.remove();
  });

  describe('with a consumer that starts late', () => {
    const databaseUrl = () => `${inject('databaseUrl')}_topology`;
    let app: INestApplication | undefined;

    beforeAll(() => ensureDatabaseExists(databaseUrl()));
    afterAll(async () => {
      await app?.close();
      await dropDatabase(databaseUrl());
    });

    it('delivers an event published before its consumer ever ran once the consumer starts', async () => {
      // What a service that publishes first does: its publisher declares the topology on connect.
      const publisher = new EventPublisher(vhost.url, 'directory');
      const early = envelope<CounselorApplicationDecision>(DirectoryEvents.rejected.type, {
        applicationId: randomUUID(),
        userId: randomUUID(),
        reviewerId: randomUUID(),
        reason: 'published before accounts ever started',
      });
      try {
        await publisher.publish(early);
      } finally {
        await publisher.close();
      }
      await waitFor(
        async () => ((await channel.checkQueue(eventsQueue('accounts'))).messageCount === 1 ? true : undefined),
        { what: 'the early event to wait in the accounts queue' },
      );

      @Module({
        imports: [
          serviceDatabaseModule({
            schema: 'accounts',
            url: databaseUrl(),
            entities: [OutboxMessage, InboxMessage],
            migrations: [CreateMessagingTables1764300000000],
          }),
          ServiceMessagingModule.forService({ service: 'accounts', rabbitmqUrl: vhost.url }),
        ],
        controllers: [RejectionHandler],
      })
      class LateConsumerModule {}
      app = await startServiceApp(LateConsumerModule, {
        service: 'accounts',
        consumesEvents: true,
        rabbitmqUrl: vhost.url,
        logLevel: 'fatal',
      });
      const delivered = await waitFor(() => received.find((event) => event.id === early.id), {
        what: 'the early event to reach the late consumer',
      });
      expect(delivered.data.reason).toBe('published before accounts ever started');
      await app.close();
      app = undefined;
    });
  });

  it('keeps an event nobody routes in the unrouted queue, with its routing key', async () => {
    await declareEventTopology(vhost.url);
    const orphan = envelope('test.nobody-consumes-this', { note: 'kept' });
    channel.publish(EVENTS_EXCHANGE, orphan.type, Buffer.from(JSON.stringify({ pattern: orphan.type, data: orphan })), {
      persistent: true,
      messageId: orphan.id,
    });
    const kept = await waitFor(async () => (await channel.get(UNROUTED_QUEUE, { noAck: true })) || undefined, {
      what: 'the unroutable event in the unrouted queue',
    });
    expect(kept.fields.routingKey).toBe(orphan.type);
    expect(kept.properties.messageId).toBe(orphan.id);
  });

  it('upgrades an events exchange declared by an older version (no alternate exchange) in place', async () => {
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    const lines: string[] = [];
    await declareEventTopology(vhost.url, (line) => lines.push(line));
    expect(lines.join('\n')).toContain('declaring it anew');

    channel.publish(EVENTS_EXCHANGE, 'test.unrouted-after-upgrade', Buffer.from('{}'), { persistent: true });
    channel.publish(EVENTS_EXCHANGE, DirectoryEvents.approved.type, Buffer.from('{}'), { persistent: true });
    await waitFor(async () => ((await channel.checkQueue(UNROUTED_QUEUE)).messageCount === 1 ? true : undefined), {
      what: 'the unroutable event after the upgrade',
    });
    // The bindings from the contracts are back: accounts and booking both consume counselor.approved.
    for (const service of ['accounts', 'booking'] as const) {
      await waitFor(
        async () => ((await channel.checkQueue(eventsQueue(service))).messageCount === 1 ? true : undefined),
        { what: `counselor.approved in ${eventsQueue(service)} after the upgrade` },
      );
    }

    const again: string[] = [];
    await declareEventTopology(vhost.url, (line) => again.push(line));
    expect(again.filter((line) => !line.includes('no service subscribes to'))).toEqual([]);
  });

  it('keeps only the newest unrouted events, and says how many it keeps', async () => {
    await declareEventTopology(vhost.url);
    const publish = (index: number) =>
      channel.publish(EVENTS_EXCHANGE, 'test.nobody-listens', Buffer.from(JSON.stringify({ index })), {
        persistent: true,
      });
    for (let index = 0; index < UNROUTED_MAX_EVENTS + 5; index += 1) {
      if (!publish(index)) await new Promise((resolve) => channel.once('drain', resolve));
    }
    await waitFor(
      async () => ((await channel.checkQueue(UNROUTED_QUEUE)).messageCount === UNROUTED_MAX_EVENTS ? true : undefined),
      { what: `the unrouted queue to hold ${UNROUTED_MAX_EVENTS}`, timeoutMs: 30_000 },
    );
    // The oldest were dropped: the first one kept is the sixth published.
    const oldest = await channel.get(UNROUTED_QUEUE, { noAck: true });
    expect(oldest && JSON.parse(oldest.content.toString())).toEqual({ index: 5 });

    const lines: string[] = [];
    await declareEventTopology(vhost.url, (line) => lines.push(line));
    expect(lines.join('\n')).toContain(`${UNROUTED_MAX_EVENTS - 1} event(s) no service subscribes to are kept`);
  });

  it('upgrades a broker with the unbounded unrouted queue of an earlier version without being refused', async () => {
    // What an earlier version declared: the same exchanges, and an unbounded unrouted queue holding an event.
    await channel.assertExchange(UNROUTED_EXCHANGE, 'fanout', { durable: true });
    await channel.assertQueue(LEGACY_UNROUTED_QUEUE, { durable: true });
    await channel.bindQueue(LEGACY_UNROUTED_QUEUE, UNROUTED_EXCHANGE, '');
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', {
      durable: true,
      arguments: { 'alternate-exchange': UNROUTED_EXCHANGE },
    });
    channel.publish(EVENTS_EXCHANGE, 'test.before-the-upgrade', Buffer.from('{}'), { persistent: true });
    await waitFor(async () =>
      (await channel.checkQueue(LEGACY_UNROUTED_QUEUE)).messageCount === 1 ? true : undefined,
    );

    const lines: string[] = [];
    await declareEventTopology(vhost.url, (line) => lines.push(line));
    expect(lines.join('\n')).toContain(`${LEGACY_UNROUTED_QUEUE} queue of an earlier version still holds 1`);

    // New unrouted events go to the bounded queue only; the old one keeps what it had, for an operator.
    channel.publish(EVENTS_EXCHANGE, 'test.after-the-upgrade', Buffer.from('{}'), { persistent: true });
    await waitFor(async () => ((await channel.checkQueue(UNROUTED_QUEUE)).messageCount === 1 ? true : undefined));
    expect((await channel.checkQueue(LEGACY_UNROUTED_QUEUE)).messageCount).toBe(1);

    // Once read and emptied, the next start deletes it; the start after that has nothing to say about it.
    await channel.purgeQueue(LEGACY_UNROUTED_QUEUE);
    const emptied: string[] = [];
    await declareEventTopology(vhost.url, (line) => emptied.push(line));
    expect(emptied.join('\n')).toContain(`${LEGACY_UNROUTED_QUEUE} queue was empty and is deleted`);
    const after: string[] = [];
    await declareEventTopology(vhost.url, (line) => after.push(line));
    expect(after.join('\n')).not.toContain(LEGACY_UNROUTED_QUEUE + ' queue');
  });
});
