import { KeptJobScheduler } from '@haven/infrastructure';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { BookingConfig } from '../config/booking.config';

export const BOOKING_QUEUE = 'booking-jobs';
export const JOB_EXPIRE_HOLD = 'expire-hold';
export const JOB_MAINTENANCE = 'maintenance';
const MAINTENANCE_SCHEDULER = 'booking-maintenance';

export interface ExpireHoldJob {
  bookingId: string;
}

/** BullMQ connection settings from a `redis://[user:password@]host:port[/db]` URL. */
export function redisConnection(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on Redis; BullMQ requires this to be unlimited.
    maxRetriesPerRequest: null,
  };
}

export function bullPrefix(config: BookingConfig): string {
  return `${config.REDIS_PREFIX}:bull`;
}

/**
 * The booking service's job queue: one delayed job per hold at its expiry (job id derived from the
 * booking, so it is never queued twice) and the maintenance sweep, a job scheduler that runs once
 * per interval across all replicas. Redis holds no truth: the sweep finds in PostgreSQL whatever a
 * lost job would have done, so failures to enqueue are logged, never fatal.
 */
@Injectable()
export class BookingQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(BookingQueue.name);
  private readonly queue: Queue;
  private readonly maintenance: KeptJobScheduler;

  constructor(config: BookingConfig) {
    this.queue = new Queue(BOOKING_QUEUE, {
      connection: redisConnection(config.REDIS_URL),
      prefix: bullPrefix(config),
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    });
    this.queue.on('error', (error) => this.logger.warn({ error: error.message }, 'job queue error'));
    // Kept, not upserted once: a Redis restart would otherwise end the sweep that repairs its losses.
    this.maintenance = new KeptJobScheduler(
      this.queue,
      {
        id: MAINTENANCE_SCHEDULER,
        repeat: { every: config.BOOKING_SWEEP_INTERVAL_SECONDS * 1_000 },
        template: { name: JOB_MAINTENANCE, opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 } },
      },
      (error) => this.logger.warn({ error: error.message }, 'maintenance sweep not scheduled yet; will retry'),
    );
    this.maintenance.start();
  }

  scheduleExpiry(bookingId: string, expiresAt: Date): void {
    const job: ExpireHoldJob = { bookingId };
    void this.queue
      .add(JOB_EXPIRE_HOLD, job, {
        jobId: `${JOB_EXPIRE_HOLD}-${bookingId}`,
        delay: Math.max(0, expiresAt.getTime() - Date.now()),
      })
      .catch((error: Error) =>
        this.logger.warn({ bookingId, error: error.message }, 'expiry job not queued; the sweep will expire the hold'),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    this.maintenance.stop();
    await this.queue.close();
  }
}
