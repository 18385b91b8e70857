import type { UserContact } from '@haven/contracts';
import { loadConfig } from '@haven/infrastructure';
import { createServiceContext, type ServiceContext } from '@haven/testing/service-context';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotificationsConfig } from '../config/notifications.config';
import type { ChannelJob } from '../delivery/queues';
import { DeliveryLog } from '../delivery/delivery-log';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications.schema';
import type { Recipients } from '../recipients/recipients';
import type { PasswordResetLinks } from './password-reset-links';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer';

const databaseUrl = `${inject('databaseUrl')}_email_once`;

/** Accounts answering after a moment, as over RabbitMQ under load: both workers get past their first check. */
class SlowRecipients {
  async contact(userId: string): Promise<UserContact> {
    await sleep(150);
    return {
      id: userId,
      email: 'asha@example.test',
      name: 'Asha',
      phone: null,
      timezone: 'Asia/Kolkata',
      roles: ['client'],
      active: true,
    };
  }
}

/** A mail server that refuses the first mail handed to it, then accepts (writing the outbox file). */
class FlakyMailer extends Mailer {
  refuseNext = false;

  override async send(...args: Parameters<Mailer['send']>): Promise<void> {
    if (this.refuseNext) {
      this.refuseNext = false;
      throw new Error('421 try again later');
    }
    await super.send(...args);
  }
}

describe('a confirmation e-mail goes out once per notification', () => {
  let context: ServiceContext;
  let outbox: string;
  let mailer: FlakyMailer;
  let worker: EmailProcessor;

  beforeAll(async () => {
    context = await createServiceContext({
      schema: 'notifications',
      databaseUrl,
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
      providers: [DeliveryLog],
    });
    outbox = await mkdtemp(join(tmpdir(), 'haven-email-once-'));
    const config = loadConfig(NotificationsConfig, { MAIL_OUTBOX_DIR: outbox });
    mailer = new FlakyMailer(config);
    worker = new EmailProcessor(
      context.module.get(DeliveryLog),
      new SlowRecipients() as unknown as Recipients,
      mailer,
      {} as PasswordResetLinks,
      config,
    );
  });

  afterAll(async () => {
    mailer?.onApplicationShutdown();
    await context?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  function confirmationJob(): Job<ChannelJob> {
    const key = `evt-${randomUUID()}-${randomUUID()}`;
    return {
      data: {
        key,
        userId: randomUUID(),
        input: {
          type: 'booking.confirmed',
          role: 'client',
          icsSequence: 0,
          session: {
            bookingId: randomUUID(),
            counselorName: 'Dr. Asha Rao',
            offeringTitle: 'Video session',
            mode: 'video',
            startsAt: '2026-12-20T04:30:00.000Z',
            endsAt: '2026-12-20T05:20:00.000Z',
            durationMinutes: 50,
            amountPaise: 50_000,
            meetingUrl: null,
          },
        },
      },
    } as Job<ChannelJob>;
  }

  async function mailsFor(job: Job<ChannelJob>): Promise<number> {
    return (await readdir(outbox)).filter((file) => file.endsWith(`-${job.data.key}.eml`)).length;
  }

  it('sends one mail when two workers hold the same job at once (a job queued again after Redis lost it)', async () => {
    const job = confirmationJob();
    const outcomes = await Promise.all([worker.process(job), worker.process(job)]);
    expect(outcomes.sort()).toEqual(['already sent', 'sent']);
    expect(await mailsFor(job)).toBe(1);
  });

  it('a mail the server refused is sent by the retry, and only once', async () => {
    const job = confirmationJob();
    mailer.refuseNext = true;
    await expect(worker.process(job)).rejects.toThrow('421');
    expect(await mailsFor(job)).toBe(0);
    expect(await worker.process(job)).toBe('sent');
    expect(await worker.process(job)).toBe('already sent');
    expect(await mailsFor(job)).toBe(1);
  });
});
