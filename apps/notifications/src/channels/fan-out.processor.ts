import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Dispatcher } from '../delivery/dispatcher';
import { FAN_OUT, FAN_OUT_QUEUE, type FanOutJob, WORKER_OPTIONS } from '../delivery/queues';
import { DeliveryLog } from '../delivery/delivery-log';
import { Recipients } from '../recipients/recipients';
import { ChannelWorker } from './channel-worker';

/**
 * Expands a notification for a role into one per user holding it (each deduped by its own key),
 * then records the expansion as done so the delivery sweep stops queueing it.
 */
@Processor(FAN_OUT_QUEUE, WORKER_OPTIONS)
export class FanOutProcessor extends ChannelWorker {
  protected readonly channel = FAN_OUT;

  constructor(
    private readonly recipients: Recipients,
    private readonly dispatcher: Dispatcher,
    protected readonly deliveries: DeliveryLog,
  ) {
    super();
  }

  async process(job: Job<FanOutJob>): Promise<number> {
    const { key, role, input } = job.data;
    const holders = await this.recipients.withRole(role);
    for (const user of holders) await this.dispatcher.dispatch(user.id, `${key}-${user.id}`, input);
    await this.deliveries.recordSent(key, FAN_OUT);
    return holders.length;
  }
}
