import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { PreferencesService } from '../preferences/preferences.service';
import type { NotificationInput } from '../templates/notification-input';
import { channelsFor } from './channels-for';
import type { Role } from '@haven/contracts';
import {
  type Channel,
  type ChannelJob,
  channelJobId,
  EMAIL_QUEUE,
  FAN_OUT_QUEUE,
  type FanOutJob,
  IN_APP_QUEUE,
  SMS_QUEUE,
} from './queues';

/** Puts one notification for one user on the queue of each channel the user wants it on. */
@Injectable()
export class Dispatcher {
  private readonly queues: Record<Channel, Queue<ChannelJob>>;

  constructor(
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
      await this.queues[channel].add(input.type, { key, userId, input }, { jobId: channelJobId(channel, key) });
    }
  }

  /**
   * A notification for every active user holding `role`: who they are is asked of accounts when the
   * job runs, so an event never waits on (or dead-letters for) accounts.
   */
  async dispatchToRole(role: Role, key: string, input: NotificationInput): Promise<void> {
    await this.fanOut.add(input.type, { key, role, input }, { jobId: `fan-out-${key}` });
  }
}
