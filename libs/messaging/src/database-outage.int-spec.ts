import { defineEvent, type EventEnvelope } from '@haven/contracts';
import { dropDatabase, ensureDatabaseExists, serviceDatabaseModule } from '@haven/database';
import { TcpProxy, waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { Controller, type INestApplication, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { connect as amqpConnect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Column, DataSource, Entity, type MigrationInterface, PrimaryColumn, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventPublisher } from './events/event-publisher';
import { OnEvent } from './events/on-event.decorator';
import { InboxService } from './inbox/inbox.service';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { startServiceApp } from './service-app';
import { ServiceMessagingModule } from './service-messaging.module';
import { deadLetterQueue, EVENT_DELIVERY_LIMIT, eventsQueue } from './topology';

/** The acceptance of issue 7: a 30 s database restart while events flow loses nothing. */
const DATABASE_OUTAGE_MS = 30_000;
const SCHEMA = 'booking';
const Applied = defineEvent<{ note: string }>('test.outage-applied');

@Entity({ name: 'outage_effects' })
class OutageEffect {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  note: string;
}

class CreateOutageEffects1764300000002 implements MigrationInterface {
  name = 'CreateOutageEffects1764300000002';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}"."outage_effects" (event_id uuid PRIMARY KEY, note text NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}"."outage_effects"`);
  }
}

@Controller()
class OutageHandlers {
  constructor(private readonly inbox: InboxService) {}

  @OnEvent(Applied)
  async onApplied(@Payload() event: EventEnvelope<{ note: string }>): Promise<void> {
    await this.inbox.process(event, 'outage-effects', async (manager) => {
      // A plain insert: applying an event twice would fail on the primary key, not hide.
      await manager.insert(OutageEffect, { eventId: event.id, note: event.data.note });
    });
  }
}

describe('a database outage while events flow', () => {
  let databaseUrl: string;
  let rabbitmqUrl: string;
  let databaseProxy: TcpProxy;
  let app: INestApplication;
  let dataSource: DataSource;
  let publisher: EventPublisher;
  let vhost: { url: string; remove(): Promise<void> };

  const publish = (note: string) =>
    publisher.publish({
      id: randomUUID(),
      type: Applied.type,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'directory',
      correlationId: `outage-${note}`,
      data: { note },
    });

  beforeAll(async () => {
    databaseUrl = `${inject('databaseUrl')}_outage`;
    // Its own vhost: booking's event queue would otherwise also collect other files' real events.
    vhost = await createEmptyVhost('outage');
    rabbitmqUrl = vhost.url;
    await ensureDatabaseExists(databaseUrl);
    const database = new URL(databaseUrl);
    databaseProxy = await TcpProxy.start(database.hostname, Number(database.port || 5432));
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(databaseProxy.port);

    @Module({
      imports: [
        serviceDatabaseModule({
          schema: SCHEMA,
          url: viaProxy.toString(),
          entities: [OutboxMessage, InboxMessage, OutageEffect],
          migrations: [CreateMessagingTables1764300000000, CreateOutageEffects1764300000002],
        }),
        ServiceMessagingModule.forService({ service: 'booking', rabbitmqUrl }),
      ],
      controllers: [OutageHandlers],
    })
    class OutageServiceModule {}

    app = await startServiceApp(OutageServiceModule, {
      service: 'booking',
      consumesEvents: true,
      rabbitmqUrl,
      logLevel: 'fatal',
    });
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    publisher = new EventPublisher(rabbitmqUrl, 'directory');
  });

  afterAll(async () => {
    await databaseProxy?.restore();
    await publisher?.close();
    await app?.close();
    await dataSource?.destroy();
    await databaseProxy?.stop();
    await vhost?.remove();
    await dropDatabase(databaseUrl);
  });

  const appliedNotes = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT note FROM "${SCHEMA}"."outage_effects"`)).map((row: { note: string }) => row.note);

  it(
    `applies every event exactly once after a ${DATABASE_OUTAGE_MS / 1000} s outage and dead-letters none`,
    async () => {
      // The old consumer dead-lettered an event after EVENT_DELIVERY_LIMIT quick redeliveries (~6 s).
      expect(DATABASE_OUTAGE_MS).toBeGreaterThan(EVENT_DELIVERY_LIMIT * 3000);
      const sent: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        sent.push(`before-${i}`);
        await publish(`before-${i}`);
      }
      await waitFor(async () => ((await appliedNotes()).length === 5 ? true : undefined), {
        what: 'the events before the outage',
      });

      await databaseProxy.cut();
      const outageEnds = Date.now() + DATABASE_OUTAGE_MS;
      for (let i = 0; Date.now() < outageEnds; i += 1) {
        sent.push(`during-${i}`);
        await publish(`during-${i}`);
        await sleep(1000);
      }
      await databaseProxy.restore();
      for (let i = 0; i < 5; i += 1) {
        sent.push(`after-${i}`);
        await publish(`after-${i}`);
      }

      const applied = await waitFor(
        async () => {
          const notes = await appliedNotes();
          return notes.length >= sent.length ? notes : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 250, what: 'every event to be applied after the outage' },
      );
      expect([...applied].sort()).toEqual([...sent].sort());

      const connection = await amqpConnect(rabbitmqUrl);
      try {
        const channel = await connection.createChannel();
        expect((await channel.checkQueue(deadLetterQueue('booking'))).messageCount).toBe(0);
        expect((await channel.checkQueue(eventsQueue('booking'))).messageCount).toBe(0);
      } finally {
        await connection.close();
      }
    },
    DATABASE_OUTAGE_MS + 90_000,
  );
});
