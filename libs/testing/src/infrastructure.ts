// TypeORM's decorated entities need the metadata API; global setups load this before Nest does.
import 'reflect-metadata';
import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

const run = promisify(execFile);

export interface TestInfrastructure {
  runId: string;
  databaseUrl: string;
  rabbitmqUrl: string;
  redisUrl: string;
  redisPrefix: string;
  teardown(): Promise<void>;
}

const BASE = {
  postgres: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432',
  rabbitmq: process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  redis: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/**
 * A fresh database, RabbitMQ vhost and Redis key prefix for one test run, so runs never see each
 * other's data and leave nothing behind.
 */
export async function createTestInfrastructure(label: string): Promise<TestInfrastructure> {
  const runId = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = `${BASE.postgres}/haven_test_${runId}`;
  await ensureDatabaseExists(databaseUrl);

  const vhost = `haven_test_${runId}`;
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  const rabbitmqUrl = `${BASE.rabbitmq}/${encodeURIComponent(vhost)}`;

  const redisPrefix = `haven_test_${runId}`;
  return {
    runId,
    databaseUrl,
    rabbitmqUrl,
    redisUrl: BASE.redis,
    redisPrefix,
    async teardown() {
      await Promise.allSettled([
        dropDatabase(databaseUrl),
        rabbitmqctl('delete_vhost', vhost),
        deleteRedisKeys(BASE.redis, redisPrefix),
      ]);
    },
  };
}

/** An empty RabbitMQ vhost (no service listens there); returns its URL and how to remove it. */
export async function createEmptyVhost(label: string): Promise<{ url: string; remove(): Promise<void> }> {
  const vhost = `haven_test_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  return { url: `${BASE.rabbitmq}/${encodeURIComponent(vhost)}`, remove: () => rabbitmqctl('delete_vhost', vhost) };
}

async function rabbitmqctl(...args: string[]): Promise<void> {
  try {
    await run('rabbitmqctl', ['-q', ...args], { timeout: 60_000 });
  } catch (error) {
    throw new Error(
      `rabbitmqctl ${args.join(' ')} failed (the tests create a vhost per run): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Deletes every key under `prefix` (what a Redis restart without persistence does to them). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
