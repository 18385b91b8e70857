import { declareEventTopology } from '@haven/messaging';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import amqp, { type AmqpConnectionManager } from 'amqp-connection-manager';
import type { Redis } from 'ioredis';
import { Pool } from 'pg';

/** Direct checks of PostgreSQL, Redis and RabbitMQ as seen from the gateway. */
@Injectable()
export class InfrastructureProbe implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InfrastructureProbe.name);
  private readonly pool: Pool;
  private readonly broker: AmqpConnectionManager;

  constructor(
    databaseUrl: string,
    private readonly rabbitmqUrl: string,
    private readonly redisClient: Redis,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 2000 });
    this.pool.on('error', () => undefined);
    this.broker = amqp.connect([rabbitmqUrl], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 });
    this.broker.on('connectFailed', () => undefined);
  }

  /** Like every app, the gateway declares the event topology when it starts (whichever app comes first). */
  async onApplicationBootstrap(): Promise<void> {
    await declareEventTopology(this.rabbitmqUrl, (line) => this.logger.log(line)).catch((error: Error) =>
      this.logger.warn(`could not declare the event topology yet (the services will): ${error.message}`),
    );
  }

  async postgres(): Promise<'up' | 'down'> {
    return this.pool.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
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
    await Promise.allSettled([this.pool.end(), this.broker.close()]);
  }
}
