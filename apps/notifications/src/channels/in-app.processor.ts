import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';
import type { ChannelJob } from '../delivery/queues';
import { IN_APP_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import { DeliveryLog } from '../delivery/delivery-log';
import { MessagesService } from '../messages/messages.service';
import { Recipients } from '../recipients/recipients';
import { toInApp } from '../templates/channels';
import { DEFAULT_ZONE } from '../templates/format';
import { renderMessage } from '../templates/render';
import { ChannelWorker } from './channel-worker';

@Processor(IN_APP_QUEUE, { ...WORKER_OPTIONS, concurrency: 10 })
export class InAppProcessor extends ChannelWorker {
  protected readonly channel = 'in-app';

  constructor(
    @InjectDataSource('notifications') private readonly dataSource: DataSource,
    protected readonly deliveries: DeliveryLog,
    private readonly recipients: Recipients,
    private readonly messages: MessagesService,
    private readonly config: NotificationsConfig,
  ) {
    super();
  }

  async process(job: Job<ChannelJob>): Promise<string> {
    const { key, userId, input } = job.data;
    const settled = await this.deliveries.outcomeOf(key, 'in-app');
    if (settled) return `already ${settled}`;
    // Only the name and zone are used, to word the message as the e-mail does.
    const contact = await this.recipients.contact(userId);
    const message = renderMessage(input, contact ?? { name: '', timezone: DEFAULT_ZONE }, {
      publicUrl: this.config.publicUrl,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.messages.add(manager, {
        notificationKey: key,
        userId,
        type: message.type,
        data: message.data,
        ...toInApp(message),
      });
      await this.deliveries.recordSent(key, 'in-app', manager);
    });
    return 'stored';
  }
}
