import { OnWorkerEvent } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { ChannelJob } from '../delivery/queues';
import { DrainingWorkerHost } from './draining-worker-host';

/** A channel's worker: failed attempts are logged (ids only) and retried by BullMQ with backoff. */
export abstract class ChannelWorker extends DrainingWorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  @OnWorkerEvent('failed')
  onFailed(job: Job<ChannelJob> | undefined, error: Error): void {
    const attempts = job?.opts.attempts ?? 1;
    const final = (job?.attemptsMade ?? 0) >= attempts;
    this.logger.warn(
      { jobId: job?.id, notificationKey: job?.data?.key, attempt: job?.attemptsMade, err: error.message },
      final ? 'delivery failed for good; the job is kept in the failed set' : 'delivery failed; it will be retried',
    );
  }
}
