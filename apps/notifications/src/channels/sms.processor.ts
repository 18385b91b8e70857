import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { NotificationsConfig } from '../config/notifications.config';
import type { ChannelJob } from '../delivery/queues';
import { SMS_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import { DeliveryLog } from '../delivery/delivery-log';
import { Recipients } from '../recipients/recipients';
import { toSms } from '../templates/channels';
import { renderMessage } from '../templates/render';
import { ChannelWorker } from './channel-worker';
import { SMS_PROVIDER, type SmsProvider } from './sms-provider';

@Processor(SMS_QUEUE, { ...WORKER_OPTIONS, concurrency: 5 })
export class SmsProcessor extends ChannelWorker {
  protected readonly channel = 'sms';

  constructor(
    protected readonly deliveries: DeliveryLog,
    private readonly recipients: Recipients,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly config: NotificationsConfig,
  ) {
    super();
  }

  async process(job: Job<ChannelJob>): Promise<string> {
    const { key, userId, input } = job.data;
    const settled = await this.deliveries.outcomeOf(key, 'sms');
    if (settled) return `already ${settled}`;
    const contact = await this.recipients.contact(userId);
    if (!contact?.active || !contact.phone) return this.skip(key, 'no active account with a phone number');
    const phone = contact.phone;
    const text = toSms(renderMessage(input, contact, { publicUrl: this.config.publicUrl }));
    const sent = await this.deliveries.sendOnce(key, 'sms', () => this.provider.send(phone, text));
    return sent ? 'sent' : 'already sent';
  }
}
