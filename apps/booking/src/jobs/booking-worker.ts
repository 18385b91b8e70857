import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { BookingLifecycleService } from '../bookings/booking-lifecycle.service';
import { BookingConfig } from '../config/booking.config';
import { ReconciliationService } from '../finance/reconciliation/reconciliation.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { HoldsService } from '../payments/holds.service';
import { RefundsService } from '../payments/refunds.service';
import { WebhooksService } from '../payments/webhooks.service';
import {
  BOOKING_QUEUE,
  bullPrefix,
  type ExpireHoldJob,
  JOB_EXPIRE_HOLD,
  JOB_MAINTENANCE,
  redisConnection,
} from './booking-queue';

/** Runs the booking jobs: hold expiry and the maintenance sweep. */
@Injectable()
export class BookingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(BookingWorker.name);
  private worker?: Worker;

  constructor(
    private readonly config: BookingConfig,
    private readonly holds: HoldsService,
    private readonly webhooks: WebhooksService,
    private readonly refunds: RefundsService,
    private readonly lifecycle: BookingLifecycleService,
    private readonly idempotency: IdempotencyService,
    private readonly reconciliations: ReconciliationService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(BOOKING_QUEUE, (job) => this.run(job), {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: bullPrefix(this.config),
      concurrency: 4,
    });
    this.worker.on('error', (error) => this.logger.warn({ error: error.message }, 'job worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ job: job?.name, jobId: job?.id, error: error.message }, 'job failed'),
    );
  }

  /** Takes no new job and finishes the active ones while the database they need is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async run(job: Job): Promise<void> {
    if (job.name === JOB_EXPIRE_HOLD) {
      await this.holds.expireHold((job.data as ExpireHoldJob).bookingId);
    } else if (job.name === JOB_MAINTENANCE) {
      await this.sweep();
    }
  }

  /** Each part stands alone: one failing does not stop the others. */
  private async sweep(): Promise<void> {
    const parts: [string, () => Promise<void>][] = [
      ['expire overdue holds', () => this.holds.expireOverdue()],
      ['process stored webhooks', () => this.webhooks.processPending()],
      ['retry and poll refunds', () => this.refunds.retryAndPoll()],
      ['auto-complete sessions', () => this.lifecycle.autoComplete()],
      ['forget expired idempotency keys', () => this.idempotency.purgeExpired()],
      ['resume reconciliations whose job was lost', async () => void (await this.reconciliations.resumeStalled())],
    ];
    for (const [what, part] of parts) {
      try {
        await part();
      } catch (error) {
        this.logger.error({ error: (error as Error).message }, `maintenance: ${what} failed`);
      }
    }
  }
}
