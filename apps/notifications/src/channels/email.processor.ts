import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { NotificationsConfig } from '../config/notifications.config';
import type { ChannelJob } from '../delivery/queues';
import { EMAIL_QUEUE, WORKER_OPTIONS } from '../delivery/queues';
import { DeliveryLog } from '../delivery/delivery-log';
import { Recipients } from '../recipients/recipients';
import { toEmail } from '../templates/channels';
import { sessionInvite } from '../templates/ics';
import { renderMessage } from '../templates/render';
import { ChannelWorker } from './channel-worker';
import { Mailer } from './mailer';
import { PasswordResetLinks } from './password-reset-links';

@Processor(EMAIL_QUEUE, { ...WORKER_OPTIONS, concurrency: 5 })
export class EmailProcessor extends ChannelWorker {
  protected readonly channel = 'email';

  constructor(
    protected readonly deliveries: DeliveryLog,
    private readonly recipients: Recipients,
    private readonly mailer: Mailer,
    private readonly resetLinks: PasswordResetLinks,
    private readonly config: NotificationsConfig,
  ) {
    super();
  }

  async process(job: Job<ChannelJob>): Promise<string> {
    const { key, userId, input } = job.data;
    const settled = await this.deliveries.outcomeOf(key, 'email');
    if (settled) return `already ${settled}`;
    const contact = await this.recipients.contact(userId);
    if (!contact?.active) return this.skip(key, 'no active account');

    let passwordResetLink: string | undefined;
    if (input.type === 'account.password-reset') {
      passwordResetLink = (await this.resetLinks.issue(input.requestId, userId)) ?? undefined;
      if (!passwordResetLink) return this.skip(key, 'the reset request was used, expired or superseded');
    }
    const message = renderMessage(input, contact, { publicUrl: this.config.publicUrl, passwordResetLink });
    const invite = sessionInvite(input);
    const sent = await this.deliveries.sendOnce(key, 'email', () =>
      this.mailer.send({
        to: contact.email,
        ...toEmail(message),
        messageId: `<${key}@haven>`,
        attachments: invite ? [invite] : [],
      }),
    );
    if (!sent) return 'already sent';
    this.logger.log({ notificationKey: key, userId, type: input.type }, 'mail accepted');
    return 'sent';
  }
}
