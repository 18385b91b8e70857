import { RpcHandler } from './rpc/rpc-handler.decorator';
import { defineEvent, defineRpc, type EventEnvelope, type RpcRequest } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { dropDatabase, ensureDatabaseExists, serviceDatabaseModule } from '@haven/database';
import { TcpProxy, waitFor } from '@haven/testing';
import { Controller, type INestApplication, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import { connect as amqpConnect } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';
import { Column, DataSource, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventPublisher } from './events/event-publisher';
import { OnEvent } from './events/on-event.decorator';
import { InboxService } from './inbox/inbox.service';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { outboxBacklog } from './outbox/outbox-backlog';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxService } from './outbox/outbox.service';
import { RpcClient, RpcTimeoutError, RpcUnavailableError } from './rpc/rpc-client';
import { startServiceApp } from './service-app';
import { ServiceMessagingModule } from './service-messaging.module';
import { deadLetterQueue, EVENT_DELIVERY_LIMIT } from './topology';

const SCHEMA = 'notifications';
const TestHappened = defineEvent<{ note: string }>('test.happened');
const TestPoison = defineEvent<{ note: string }>('test.poison');
const FailingCommand = defineRpc<{ why: string }, never>('notifications', 'test.v1.fail');
const EchoCommand = defineRpc<{ text: string }, { text: string; correlationId: string }>(
  'notifications',
  'test.v1.echo',
);

@Entity({ name: 'effects' })
class Effect {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  note: string;
}

class CreateEffects1764300000001 implements MigrationInterface {
  name = 'CreateEffects1764300000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "${SCHEMA}"."effects" (id serial PRIMARY KEY, event_id uuid NOT NULL, note text NOT NULL)`,
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}"."effects"`);
  }
}

const handled = { happened: 0, poison: 0 };

@Controller()
class TestHandlers {
  constructor(private readonly inbox: InboxService) {}

  @OnEvent(TestHappened)
  async onHappened(@Payload() event: EventEnvelope<{ note: string }>): Promise<void> {
    await this.inbox.process(event, 'effects', async (manager) => {
      await manager.insert(Effect, { eventId: event.id, note: event.data.note });
    });
    handled.happened += 1;
  }

  @OnEvent(TestPoison)
  onPoison(): void {
    handled.poison += 1;
    throw new Error('this handler always fails');
  }

  @RpcHandler(FailingCommand)
  fail(@Payload() request: RpcRequest<{ why: string }>): never {
    throw DomainError.conflict('slot_taken', request.body.why);
  }

  @RpcHandler(EchoCommand)
  echo(@Payload() request: RpcRequest<{ text: string }>): { text: string; correlationId: string } {
    return { text: request.body.text, correlationId: request.meta.correlationId };
  }
}

describe('messaging backbone against real PostgreSQL and RabbitMQ', () => {
  let databaseUrl: string;
  let rabbitmqUrl: string;
  let proxy: TcpProxy;
  let app: INestApplication;
  let dataSource: DataSource;
  let outbox: OutboxService;

  const effects = () => dataSource.getRepository(Effect).find({ order: { id: 'ASC' } });
  const unpublished = () => dataSource.query(`SELECT id FROM "${SCHEMA}"."outbox" WHERE published_at IS NULL`);

  beforeAll(async () => {
    databaseUrl = `${inject('databaseUrl')}_messaging`;
    rabbitmqUrl = inject('rabbitmqUrl');
    await ensureDatabaseExists(databaseUrl);
    const broker = new URL(rabbitmqUrl);
    proxy = await TcpProxy.start(broker.hostname, Number(broker.port || 5672));
    const viaProxy = new URL(rabbitmqUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);

    @Module({
      imports: [
        serviceDatabaseModule({
          schema: SCHEMA,
          url: databaseUrl,
          entities: [OutboxMessage, InboxMessage, Effect],
          migrations: [CreateMessagingTables1764300000000, CreateEffects1764300000001],
        }),
        // The relay reaches the broker through the proxy the tests cut; the consumer does not.
        ServiceMessagingModule.forService({ service: 'notifications', rabbitmqUrl: viaProxy.toString() }),
      ],
      controllers: [TestHandlers],
    })
    class TestServiceModule {}

    app = await startServiceApp(TestServiceModule, {
      service: 'notifications',
      consumesEvents: true,
      rabbitmqUrl,
      logLevel: 'fatal',
    });
    dataSource = app.get<DataSource>(getDataSourceToken(SCHEMA));
    outbox = app.get(OutboxService);
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
    await dropDatabase(databaseUrl);
  });

  it('publishes an event committed with its change and applies it once', async () => {
    await dataSource.transaction((manager) => outbox.add(manager, TestHappened, { note: 'committed' }));
    const rows = await waitFor(
      async () => ((await effects()).some((e) => e.note === 'committed') ? effects() : undefined),
      {
        what: 'the committed event to be consumed',
      },
    );
    expect(rows.filter((e) => e.note === 'committed')).toHaveLength(1);
    expect(await unpublished()).toHaveLength(0);
  });

  it('publishes nothing for a rolled-back change', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, TestHappened, { note: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((manager) => outbox.add(manager, TestHappened, { note: 'marker after rollback' }));
    await waitFor(async () => ((await effects()).some((e) => e.note === 'marker after rollback') ? true : undefined));
    expect((await effects()).map((e) => e.note)).not.toContain('rolled back');
    const stored = await dataSource.query(
      `SELECT 1 FROM "${SCHEMA}"."outbox" WHERE envelope->'data'->>'note' = 'rolled back'`,
    );
    expect(stored).toHaveLength(0);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(outbox.add(dataSource.manager, TestHappened, { note: 'no transaction' })).rejects.toThrow(
      /outside a transaction/,
    );
  });

  it('keeps an event written while RabbitMQ is unreachable and delivers it once the broker is back', async () => {
    await proxy.cut();
    await dataSource.transaction((manager) => outbox.add(manager, TestHappened, { note: 'during outage' }));
    await sleep(1500);
    expect(await unpublished()).toHaveLength(1);
    // What the service's health ping reports while it waits.
    const backlog = await outboxBacklog(dataSource);
    expect(backlog.unpublished).toBe(1);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(1);
    expect((await effects()).map((e) => e.note)).not.toContain('during outage');

    await proxy.restore();
    await waitFor(async () => ((await effects()).some((e) => e.note === 'during outage') ? true : undefined), {
      timeoutMs: 20_000,
      what: 'the event written during the outage to arrive',
    });
    expect((await effects()).filter((e) => e.note === 'during outage')).toHaveLength(1);
    expect(await unpublished()).toHaveLength(0);
    expect(await outboxBacklog(dataSource)).toEqual({ unpublished: 0, oldestAgeSeconds: null });
  });

  it('applies a redelivered event only once', async () => {
    const publisher = new EventPublisher(rabbitmqUrl, 'notifications');
    try {
      const before = handled.happened;
      const envelope: EventEnvelope<{ note: string }> = {
        id: '5d0e7d8f-8f4e-4b8b-9a55-7f3f5a1c0001',
        type: TestHappened.type,
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'notifications',
        correlationId: 'redelivery-test',
        data: { note: 'delivered twice' },
      };
      await publisher.publish(envelope);
      await publisher.publish(envelope);
      await waitFor(() => (handled.happened >= before + 2 ? true : undefined), {
        what: 'both deliveries to be handled',
      });
      expect((await effects()).filter((e) => e.note === 'delivered twice')).toHaveLength(1);
    } finally {
      await publisher.close();
    }
  });

  it('retries a failing handler a bounded number of times, then dead-letters the event', async () => {
    await dataSource.transaction((manager) => outbox.add(manager, TestPoison, { note: 'poison' }));
    const connection = await amqpConnect(rabbitmqUrl);
    try {
      const channel = await connection.createChannel();
      const dead = await waitFor(
        async () => {
          const { messageCount } = await channel.checkQueue(deadLetterQueue('notifications'));
          return messageCount > 0 ? messageCount : undefined;
        },
        { timeoutMs: 40_000, intervalMs: 250, what: 'the poison event in the dead-letter queue' },
      );
      expect(dead).toBe(1);
      expect(handled.poison).toBeGreaterThan(1);
      expect(handled.poison).toBeLessThanOrEqual(EVENT_DELIVERY_LIMIT + 1);
    } finally {
      await connection.close();
    }
  });

  describe('RPC', () => {
    let client: RpcClient;
    beforeAll(() => {
      client = new RpcClient(rabbitmqUrl, 2000);
    });
    afterAll(async () => {
      await client.close();
    });

    it('carries the reply and the correlation id', async () => {
      const reply = await client.send(EchoCommand, { text: 'hello' });
      expect(reply.text).toBe('hello');
      expect(reply.correlationId).toMatch(/[0-9a-f-]{36}/);
    });

    it('turns a domain error raised in the service into the same DomainError for the caller', async () => {
      const failure = await client.send(FailingCommand, { why: 'slot taken' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DomainError);
      expect(failure).toMatchObject({ kind: 'conflict', code: 'slot_taken', message: 'slot taken' });
    });

    it('gives up with a timeout when the service does not answer', async () => {
      const silent = defineRpc<object, unknown>('directory', 'test.v1.nobody-listens');
      const failure = await client.send(silent, {}, { timeoutMs: 300 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RpcTimeoutError);
    });

    it('answers "unavailable" at once for every call still waiting, and any after, once told to abandon them', async () => {
      const stopping = new RpcClient(rabbitmqUrl, 20_000);
      try {
        const silent = defineRpc<object, unknown>('directory', 'test.v1.nobody-listens');
        const waiting = stopping.send(silent, {}).catch((error: unknown) => error);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const abandonedAt = Date.now();
        stopping.abandonWaitingCalls();
        expect(await waiting).toBeInstanceOf(RpcUnavailableError);
        expect(Date.now() - abandonedAt).toBeLessThan(1_000);
        const later = await stopping.send(EchoCommand, { text: 'x' }).catch((error: unknown) => error);
        expect(later).toBeInstanceOf(RpcUnavailableError);
      } finally {
        await stopping.close();
      }
    });

    it('fails fast with "unavailable" when the broker cannot be reached', async () => {
      const unreachable = new RpcClient('amqp://guest:guest@127.0.0.1:1', 5000);
      try {
        const failure = await unreachable.send(EchoCommand, { text: 'x' }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(RpcUnavailableError);
      } finally {
        await unreachable.close();
      }
    });
  });
});
