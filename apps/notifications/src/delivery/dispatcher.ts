import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { PreferencesService } from '../preferences/preferences.service';
import type { NotificationInput } from '../templates/notification-input';
import { channelsFor } from './channels-for';
import type { Role } from '@haven/contracts';
import {
  type Channel,
  type ChannelJob,
  channelJobId,
  type DeliveryChannel,
  EMAIL_QUEUE,
  FAN_OUT,
  FAN_OUT_QUEUE,
  type FanOutJob,
  IN_APP_QUEUE,
  SMS_QUEUE,
} from './queues';

/** Deliveries not sent this long after they were decided are queued again (their job may be lost). */
export const REQUEUE_AFTER_SECONDS = 30;
/** Deliveries older than this are left alone: the sweep repairs a lost Redis, not the distant past. */
const REQUEUE_WITHIN_HOURS = 24;
const REQUEUE_BATCH = 500;

/**
 * Puts one notification for one user on the queue of each channel the user wants it on, and records
 * each delivery in PostgreSQL in the same transaction, so a job Redis lost is queued again.
 */
@Injectable()
export class Dispatcher {
  private readonly queues: Record<Channel, Queue<ChannelJob>>;

  constructor(
    @InjectDataSource('notifications') private readonly dataSource: DataSource,
    private readonly preferences: PreferencesService,
    @InjectQueue(EMAIL_QUEUE) email: Queue<ChannelJob>,
    @InjectQueue(SMS_QUEUE) sms: Queue<ChannelJob>,
    @InjectQueue(IN_APP_QUEUE) inApp: Queue<ChannelJob>,
    @InjectQueue(FAN_OUT_QUEUE) private readonly fanOut: Queue<FanOutJob>,
  ) {
    this.queues = { email, sms, 'in-app': inApp };
  }

  /**
   * `key` identifies the notification (event id + recipient, or the reminder): the job ids derive
   * from it, so dispatching the same notification again adds nothing.
   */
  async dispatch(userId: string, key: string, input: NotificationInput, manager?: EntityManager): Promise<void> {
    const preferences = await this.preferences.get(userId, manager);
    for (const channel of channelsFor(input, preferences)) {
      await (manager ?? this.dataSource.manager).query(
        `INSERT INTO "notifications"."deliveries" ("notification_key", "channel", "user_id", "type", "input")
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [key, channel, userId, input.type, JSON.stringify(input)],
      );
      await this.enqueue(channel, { key, userId, input });
    }
  }

  /**
   * Queues again every recent delivery without an outcome (sent, skipped, failed for good) a while
   * after it was decided. Job ids are deterministic, so a job Redis still has is not added twice, and
   * the channel workers check the delivery log, so nothing goes out twice. Returns how many were queued again.
   */
  async requeueUnsent(): Promise<number> {
    const unsent: {
      notification_key: string;
      channel: DeliveryChannel;
      user_id: string | null;
      role: Role | null;
      input: NotificationInput;
    }[] = await this.dataSource.query(
      `SELECT d."notification_key", d."channel", d."user_id", d."role", d."input"
           FROM "notifications"."deliveries" d
          WHERE d."created_at" < now() - make_interval(secs => $1)
            AND d."created_at" > now() - make_interval(hours => $2)
            AND NOT EXISTS (SELECT 1 FROM "notifications"."delivery_outcomes" o
                             WHERE o."notification_key" = d."notification_key" AND o."channel" = d."channel")
          ORDER BY d."created_at" LIMIT ${REQUEUE_BATCH}`,
      [REQUEUE_AFTER_SECONDS, REQUEUE_WITHIN_HOURS],
    );
    for (const row of unsent) {
      if (row.channel === FAN_OUT) {
        await this.enqueueFanOut({ key: row.notification_key, role: row.role!, input: row.input });
      } else {
        await this.enqueue(row.channel, { key: row.notification_key, userId: row.user_id!, input: row.input });
      }
    }
    return unsent.length;
  }

  private async enqueue(channel: Channel, job: ChannelJob): Promise<void> {
    await this.queues[channel].add(job.input.type, job, { jobId: channelJobId(channel, job.key) });
  }

  /**
   * A notification for every active user holding `role`: who they are is asked of accounts when the
   * job runs, so an event never waits on (or dead-letters for) accounts. Recorded as a delivery like
   * any other, so the sweep queues the expansion again if Redis lost it.
   */
  async dispatchToRole(role: Role, key: string, input: NotificationInput, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO "notifications"."deliveries" ("notification_key", "channel", "role", "type", "input")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [key, FAN_OUT, role, input.type, JSON.stringify(input)],
    );
    await this.enqueueFanOut({ key, role, input });
  }

  private async enqueueFanOut(job: FanOutJob): Promise<void> {
    await this.fanOut.add(job.input.type, job, { jobId: `${FAN_OUT}-${job.key}` });
  }
}
