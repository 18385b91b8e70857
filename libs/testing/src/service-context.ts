import {
  dropDatabase,
  ensureDatabaseExists,
  serviceDatabaseModule,
  type ServiceDatabaseOptions,
} from '@haven/database';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { type INestApplicationContext, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface ServiceContextOptions extends Pick<ServiceDatabaseOptions, 'schema' | 'entities' | 'migrations'> {
  /** Created if missing, the schema migrated on it, dropped on close. */
  databaseUrl: string;
  /** BullMQ queues to register, under a prefix of their own below `redis.prefix`. */
  queues?: string[];
  redis?: { url: string; prefix: string };
  providers: Provider[];
}

/** A service's providers on a real database and real BullMQ queues, for an integration spec. */
export interface ServiceContext {
  module: INestApplicationContext;
  dataSource: DataSource;
  queue<T = unknown>(name: string): Queue<T>;
  /** Empties the queues, closes the context and drops the database. */
  close(): Promise<void>;
}

export async function createServiceContext(options: ServiceContextOptions): Promise<ServiceContext> {
  const queues = options.queues ?? [];
  if (queues.length > 0 && !options.redis) throw new Error('queues need redis: { url, prefix }');
  await ensureDatabaseExists(options.databaseUrl);
  @Module({
    imports: [
      serviceDatabaseModule({
        schema: options.schema,
        url: options.databaseUrl,
        entities: options.entities,
        migrations: options.migrations,
      }),
      ...(options.redis && queues.length > 0
        ? [
            BullModule.forRoot({
              connection: { url: options.redis.url },
              prefix: `${options.redis.prefix}:${options.schema}-${randomUUID().slice(0, 6)}`,
            }),
            BullModule.registerQueue(...queues.map((name) => ({ name }))),
          ]
        : []),
    ],
    providers: options.providers,
  })
  class ServiceTestModule {}
  const module = await NestFactory.createApplicationContext(ServiceTestModule, { logger: false });
  const queue = <T>(name: string): Queue<T> => module.get<Queue<T>>(getQueueToken(name));
  return {
    module,
    dataSource: module.get<DataSource>(getDataSourceToken(options.schema)),
    queue,
    async close() {
      await Promise.all(queues.map((name) => queue(name).obliterate({ force: true })));
      await module.close();
      await dropDatabase(options.databaseUrl);
    },
  };
}
