import { OnWorkerEvent } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DeliveryChannel } from '../delivery/queues';
import type { DeliveryLog } from '../delivery/delivery-log';
import { DrainingWorkerHost } from './draining-worker-host';

/**
 * A channel's worker: failed attempts are logged (ids only) and retried by BullMQ with backoff; a
 * delivery skipped or failed for good is settled, so the delivery sweep stops queueing it again.
 */
export abstract class ChannelWorker extends DrainingWorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly channel: DeliveryChannel;
  protected abstract readonly deliveries: DeliveryLog;

  /** The delivery will not go out, for a reason that another attempt would not change. */
  protected async skip(key: string, reason: string): Promise<string> {
    const outcome = `skipped: ${reason}`;
    await this.deliveries.settle(key, this.channel, outcome);
    return outcome;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ key: string }> | undefined, error: Error): Promise<void> {
    const attempts = job?.opts.attempts ?? 1;
    const final = (job?.attemptsMade ?? 0) >= attempts;
    this.logger.warn(
      { jobId: job?.id, notificationKey: job?.data?.key, attempt: job?.attemptsMade, err: error.message },
      final ? 'delivery failed for good; the job is kept in the failed set' : 'delivery failed; it will be retried',
    );
    if (final && job) {
      await this.deliveries
        .settle(job.data.key, this.channel, 'failed')
        .catch((settleError: Error) =>
          this.logger.warn({ notificationKey: job.data.key, err: settleError.message }, 'failed delivery not settled'),
        );
    }
  }
}
