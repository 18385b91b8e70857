import { RpcHandler } from './rpc/rpc-handler.decorator';
import { BookingEvents, defineRpc, type EventEnvelope } from '@haven/contracts';
import { dropDatabase, ensureDatabaseExists, serviceDatabaseModule } from '@haven/database';
import { waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { Controller, type DynamicModule, Inject, type INestApplication, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventPublisher } from './events/event-publisher';
import { OnEvent } from './events/on-event.decorator';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateMessagingTables1764300000000 } from './messaging-tables.migration';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { RpcClient } from './rpc/rpc-client';
import { CreateRpcRequestLedger1764800000000 } from './rpc/rpc-request-ledger.migration';
import { RpcRequestRecord } from './rpc/rpc-request-record.entity';
import { startServiceApp, stopServiceApp } from './service-app';
import { ServiceMessagingModule } from './service-messaging.module';

const Work = defineRpc<{ ms: number }, { replica: string }>('directory', 'test.v1.graceful-work');
const REPLICA = Symbol('REPLICA');
/** Which replica handled each event id, in order (a second entry means it was delivered again). */
const handled: { eventId: string; replica: string; finished: boolean }[] = [];

@Controller()
class SlowHandlers {
  constructor(@Inject(REPLICA) private readonly replica: string) {}

  @RpcHandler(Work)
  async work(@Payload() request: { body: { ms: number } }): Promise<{ replica: string }> {
    await sleep(request.body.ms);
    return { replica: this.replica };
  }

  @OnEvent(BookingEvents.completed)
  async completed(@Payload() event: EventEnvelope): Promise<void> {
    const entry = { eventId: event.id, replica: this.replica, finished: false };
    handled.push(entry);
    await sleep(800);
    entry.finished = true;
  }
}

describe('a service stopped with SIGTERM (stopServiceApp)', () => {
  let vhost: { url: string; remove(): Promise<void> };
  let databaseUrl: string;
  let client: RpcClient;
  let publisher: EventPublisher;
  const apps: INestApplication[] = [];
  const replicas = new Map<string, INestApplication>();

  const replicaModule = (replica: string): DynamicModule => {
    @Module({})
    class ReplicaModule {}
    return {
      module: ReplicaModule,
      imports: [
        serviceDatabaseModule({
          schema: 'directory',
          url: databaseUrl,
          entities: [OutboxMessage, InboxMessage, RpcRequestRecord],
          migrations: [CreateMessagingTables1764300000000, CreateRpcRequestLedger1764800000000],
        }),
        ServiceMessagingModule.forService({ service: 'directory', rabbitmqUrl: vhost.url }),
      ],
      controllers: [SlowHandlers],
      providers: [{ provide: REPLICA, useValue: replica }],
    };
  };
  const startReplica = async (replica: string): Promise<INestApplication> => {
    const app = await startServiceApp(replicaModule(replica), {
      service: 'directory',
      consumesEvents: true,
      rabbitmqUrl: vhost.url,
      logLevel: 'fatal',
    });
    apps.push(app);
    replicas.set(replica, app);
    return app;
  };

  beforeAll(async () => {
    vhost = await createEmptyVhost('graceful');
    databaseUrl = `${inject('databaseUrl')}_graceful`;
    await ensureDatabaseExists(databaseUrl);
    client = new RpcClient(vhost.url, 15_000);
    publisher = new EventPublisher(vhost.url, 'booking');
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await client?.close();
    await publisher?.close();
    await vhost?.remove();
    await dropDatabase(databaseUrl);
  });

  it('answers the requests it had taken, takes no new ones, and leaves them to another replica', async () => {
    const stopping = await startReplica('stopping');
    const inFlight = client.send(Work, { ms: 1000 });
    await sleep(200);
    const stopStarted = Date.now();
    const stopped = stopServiceApp(stopping);
    await sleep(100);
    const sentWhileStopping = client.send(Work, { ms: 10 });

    expect(await inFlight).toEqual({ replica: 'stopping' });
    await stopped;
    expect(Date.now() - stopStarted).toBeGreaterThanOrEqual(600);

    await startReplica('next');
    expect(await sentWhileStopping).toEqual({ replica: 'next' });
  });

  it('finishes the event it is handling and acks it, so no other replica handles it again', async () => {
    await startReplica('stopping-events');
    await startReplica('other-events');
    const eventId = randomUUID();
    await publisher.publish({
      id: eventId,
      type: BookingEvents.completed.type,
      version: BookingEvents.completed.version,
      occurredAt: new Date().toISOString(),
      producer: 'booking',
      correlationId: randomUUID(),
      data: {},
    } as EventEnvelope);
    const first = await waitFor(() => handled.find((entry) => entry.eventId === eventId), { what: 'the event taken' });
    await stopServiceApp(replicas.get(first.replica)!);
    expect(first.finished).toBe(true);
    await sleep(1500);
    expect(handled.filter((entry) => entry.eventId === eventId)).toHaveLength(1);
  });
});
