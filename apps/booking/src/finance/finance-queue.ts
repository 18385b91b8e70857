import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Queue } from 'bullmq';
import { BookingConfig } from '../config/booking.config';
import { bullPrefix, redisConnection } from '../jobs/booking-queue';

export const FINANCE_QUEUE = 'finance-jobs';
export const JOB_RECONCILE = 'reconcile';
export const JOB_DAILY_RECONCILIATION = 'daily-reconciliation';
/** One id for every replica: upserting it again replaces the schedule instead of adding one. */
export const DAILY_RECONCILIATION_SCHEDULER = 'finance-daily-reconciliation';
/** 02:00 every day in India: the previous IST day is complete and Razorpay's report has it. */
export const DAILY_RECONCILIATION_SCHEDULE = { pattern: '0 2 * * *', tz: 'Asia/Kolkata' } as const;
export const RECONCILIATION_ATTEMPTS = 3;

const reconcileJobId = (reconciliationId: string) => `${JOB_RECONCILE}-${reconciliationId}`;

export interface ReconcileJob {
  reconciliationId: string;
}

/**
 * Finance's job queue: reconciliations started by finance, and the daily reconciliation, a BullMQ
 * job scheduler that fires once per day across all replicas (and a daily run is opened once per
 * period in PostgreSQL, so even a second firing would not run it twice).
 */
@Injectable()
export class FinanceQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(FinanceQueue.name);
  readonly queue: Queue;

  constructor(config: BookingConfig) {
    this.queue = new Queue(FINANCE_QUEUE, {
      connection: redisConnection(config.REDIS_URL),
      prefix: bullPrefix(config),
      defaultJobOptions: {
        attempts: RECONCILIATION_ATTEMPTS,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: 100,
        removeOnFail: 1_000,
      },
    });
    this.queue.on('error', (error) => this.logger.warn({ error: error.message }, 'finance queue error'));
    void this.scheduleDaily().catch((error: Error) =>
      this.logger.error({ error: error.message }, 'daily reconciliation not scheduled'),
    );
  }

  scheduleDaily() {
    return this.queue.upsertJobScheduler(DAILY_RECONCILIATION_SCHEDULER, DAILY_RECONCILIATION_SCHEDULE, {
      name: JOB_DAILY_RECONCILIATION,
    });
  }

  async reconcile(reconciliationId: string): Promise<void> {
    const job: ReconcileJob = { reconciliationId };
    await this.queue.add(JOB_RECONCILE, job, { jobId: reconcileJobId(reconciliationId) });
  }

  /** The job of a reconciliation started by finance (or queued again), if Redis still has it. */
  async reconcileJob(reconciliationId: string): Promise<Job<ReconcileJob> | undefined> {
    return this.queue.getJob(reconcileJobId(reconciliationId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
