import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';

/** What every service process needs: its infrastructure and how it logs. */
export class CoreConfig {
  @Expose()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/haven';

  @Expose()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key (BullMQ queues, rate limits), so several deployments can share one Redis. */
  @Expose()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'may only contain letters, digits, _ and -' })
  REDIS_PREFIX: string = 'haven';

  @Expose()
  @Matches(/^amqps?:\/\/.+/, { message: 'must be an amqp:// URL' })
  RABBITMQ_URL: string = 'amqp://guest:guest@127.0.0.1:5672';

  @Expose()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @Expose()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** How long the gateway waits for a service's reply before answering 504. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS: number = 10_000;
}
