import { HEALTH_PING, type HealthPingResponse, type ServiceName } from '@haven/contracts';
import {
  Controller,
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from './events/event-publisher';
import { InboxService } from './inbox/inbox.service';
import { outboxBacklog } from './outbox/outbox-backlog';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { RpcRequestLedger } from './rpc/rpc-request-ledger';
import { deadLetterQueue } from './topology';

export interface ServiceMessagingOptions {
  service: ServiceName;
  rabbitmqUrl: string;
}

const SERVICE_NAME = Symbol('SERVICE_NAME');
const SERVICE_DATA_SOURCE = Symbol('SERVICE_DATA_SOURCE');

@Controller()
class ServiceHealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(SERVICE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  /** Whether the service's database answers, plus what waits in its outbox and dead-letter queue. */
  @MessagePattern(HEALTH_PING)
  async ping(): Promise<HealthPingResponse> {
    const [outbox, deadLetters] = await Promise.all([
      outboxBacklog(this.dataSource).catch(() => null),
      this.publisher.queueDepth(deadLetterQueue(this.service)).catch(() => null),
    ]);
    return { service: this.service, database: outbox ? 'up' : 'down', deadLetters, outbox };
  }
}

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.close();
  }
}

/**
 * What every service gets for messaging: the outbox (write events in your transaction), the relay
 * that publishes them, the inbox (apply each event once), the ledger that makes creating RPCs safe
 * to redeliver, and the health ping the gateway calls.
 */
@Global()
@Module({})
export class ServiceMessagingModule {
  static forService(options: ServiceMessagingOptions): DynamicModule {
    return {
      module: ServiceMessagingModule,
      controllers: [ServiceHealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: SERVICE_DATA_SOURCE, useExisting: getDataSourceToken(options.service) },
        { provide: EventPublisher, useFactory: () => new EventPublisher(options.rabbitmqUrl, options.service) },
        { provide: OutboxService, useFactory: () => new OutboxService(options.service) },
        {
          provide: OutboxRelay,
          inject: [SERVICE_DATA_SOURCE, EventPublisher],
          useFactory: (dataSource: DataSource, publisher: EventPublisher) => new OutboxRelay(dataSource, publisher),
        },
        {
          provide: InboxService,
          inject: [SERVICE_DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new InboxService(dataSource),
        },
        {
          provide: RpcRequestLedger,
          inject: [SERVICE_DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new RpcRequestLedger(dataSource),
        },
        OutboxRelayLifecycle,
      ],
      exports: [OutboxService, OutboxRelay, InboxService, EventPublisher, RpcRequestLedger],
    };
  }
}
