import { PostgresProbe } from '@haven/infrastructure';
import { AMQP_MANAGER_OPTIONS, declareEventTopology } from '@haven/messaging';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import amqp, { type AmqpConnectionManager } from 'amqp-connection-manager';
import type { Redis } from 'ioredis';

/** Direct checks of PostgreSQL, Redis and RabbitMQ as seen from the gateway. */
@Injectable()
export class InfrastructureProbe implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InfrastructureProbe.name);
  private readonly database: PostgresProbe;
  private readonly broker: AmqpConnectionManager;

  constructor(
    databaseUrl: string,
    private readonly rabbitmqUrl: string,
    private readonly redisClient: Redis,
  ) {
    this.database = new PostgresProbe(databaseUrl);
    this.broker = amqp.connect([rabbitmqUrl], AMQP_MANAGER_OPTIONS);
    this.broker.on('connectFailed', () => undefined);
  }

  /** Like every app, the gateway declares the event topology when it starts (whichever app comes first). */
  async onApplicationBootstrap(): Promise<void> {
    await declareEventTopology(this.rabbitmqUrl, (line) => this.logger.log(line)).catch((error: Error) =>
      this.logger.warn(`could not declare the event topology yet (the services will): ${error.message}`),
    );
  }

  postgres(): Promise<'up' | 'down'> {
    return this.database.check();
  }

  async redis(): Promise<'up' | 'down'> {
    if (this.redisClient.status !== 'ready') return 'down';
    return this.redisClient.ping().then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  rabbitmq(): 'up' | 'down' {
    return this.broker.isConnected() ? 'up' : 'down';
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.database.close(), this.broker.close()]);
  }
}
