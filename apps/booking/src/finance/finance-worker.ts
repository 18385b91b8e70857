import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { BookingConfig } from '../config/booking.config';
import { bullPrefix, redisConnection } from '../jobs/booking-queue';
import {
  FINANCE_QUEUE,
  JOB_DAILY_RECONCILIATION,
  JOB_RECONCILE,
  RECONCILIATION_ATTEMPTS,
  type ReconcileJob,
} from './finance-queue';
import { ReconciliationService } from './reconciliation/reconciliation.service';

/** Runs finance's jobs one at a time (a reconciliation reads a whole period from both sides). */
@Injectable()
export class FinanceWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FinanceWorker.name);
  private worker?: Worker;

  constructor(
    private readonly config: BookingConfig,
    private readonly reconciliations: ReconciliationService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(FINANCE_QUEUE, (job) => this.run(job), {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: bullPrefix(this.config),
      concurrency: 1,
    });
    this.worker.on('error', (error) => this.logger.warn({ error: error.message }, 'finance worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async run(job: Job): Promise<void> {
    const id =
      job.name === JOB_RECONCILE
        ? (job.data as ReconcileJob).reconciliationId
        : job.name === JOB_DAILY_RECONCILIATION
          ? await this.reconciliations.openDaily()
          : null;
    if (!id) return;
    try {
      await this.reconciliations.run(id);
    } catch (error) {
      const message = (error as Error).message;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? RECONCILIATION_ATTEMPTS);
      this.logger.warn(
        { reconciliationId: id, attempt: job.attemptsMade + 1, error: message },
        'reconciliation attempt failed',
      );
      if (lastAttempt) await this.reconciliations.markFailed(id, message);
      throw error;
    }
  }
}
