import { connect as amqpConnect } from 'amqplib';
import { Redis } from 'ioredis';
import { Client } from 'pg';

export interface InfrastructureUrls {
  databaseUrl?: string;
  redisUrl?: string;
  rabbitmqUrl?: string;
}

// docker-compose.yml publishes no infrastructure port (it runs the whole platform), so the local
// commands are the way to start one piece.
const HOW_TO_START = {
  postgres: 'start it with `pg_ctlcluster 15 main start`',
  redis: 'start it with `redis-server --daemonize yes`',
  rabbitmq: 'start it with `rabbitmq-server -detached`',
};

/**
 * Checks that each configured piece of infrastructure answers, and returns one readable line per
 * missing one (empty when all are up). Passwords in URLs are masked.
 */
export async function checkInfrastructure(urls: InfrastructureUrls, timeoutMs = 3000): Promise<string[]> {
  const checks: Promise<string | undefined>[] = [];
  if (urls.databaseUrl) {
    const url = urls.databaseUrl;
    checks.push(
      probe('PostgreSQL', url, HOW_TO_START.postgres, timeoutMs, async () => {
        const target = new URL(url);
        target.pathname = '/postgres';
        const client = new Client({ connectionString: target.toString(), connectionTimeoutMillis: timeoutMs });
        await client.connect();
        await client.end();
      }),
    );
  }
  if (urls.redisUrl) {
    const url = urls.redisUrl;
    checks.push(
      probe('Redis', url, HOW_TO_START.redis, timeoutMs, async () => {
        const redis = new Redis(url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
          connectTimeout: timeoutMs,
        });
        let connectionError: Error | undefined;
        redis.on('error', (error: Error) => (connectionError ??= error));
        try {
          await redis.connect().catch((error: Error) => {
            throw connectionError ?? error;
          });
          await redis.ping();
        } finally {
          redis.disconnect();
        }
      }),
    );
  }
  if (urls.rabbitmqUrl) {
    const url = urls.rabbitmqUrl;
    checks.push(
      probe('RabbitMQ', url, HOW_TO_START.rabbitmq, timeoutMs, async () => {
        const connection = await amqpConnect(url, { timeout: timeoutMs });
        await connection.close();
      }),
    );
  }
  return (await Promise.all(checks)).filter((line): line is string => line !== undefined);
}

async function probe(
  name: string,
  url: string,
  howToStart: string,
  timeoutMs: number,
  attempt: () => Promise<void>,
): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([attempt(), timedOut]);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${name} is not reachable at ${maskUrl(url)} (${reason}): ${howToStart}.`;
  } finally {
    clearTimeout(timer);
  }
}

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
