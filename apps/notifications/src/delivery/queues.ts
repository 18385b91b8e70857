import type { Role } from '@haven/contracts';
import type { DefaultJobOptions } from 'bullmq';
import type { NotificationInput } from '../templates/notification-input';

export const EMAIL_QUEUE = 'notifications-email';
export const SMS_QUEUE = 'notifications-sms';
export const IN_APP_QUEUE = 'notifications-in-app';
export const REMINDERS_QUEUE = 'notifications-reminders';
/** Notifications for everyone holding a role (finance alerts), expanded to users when the job runs. */
export const FAN_OUT_QUEUE = 'notifications-fan-out';

export type Channel = 'email' | 'sms' | 'in-app';
/** How a notification for a role is recorded among the deliveries: expanded into users, then sent on their channels. */
export const FAN_OUT = 'fan-out';
export type DeliveryChannel = Channel | typeof FAN_OUT;

export const CHANNEL_QUEUES: Record<Channel, string> = {
  email: EMAIL_QUEUE,
  sms: SMS_QUEUE,
  'in-app': IN_APP_QUEUE,
};

/** One message on one channel. Carries no contact data and no secret: both are looked up at send time. */
export interface ChannelJob {
  /** The notification's deterministic key; with the channel, the unique key of the `sent` record. */
  key: string;
  userId: string;
  input: NotificationInput;
}

export interface FanOutJob {
  /** The event id; each recipient's notification key is `<key>-<userId>`. */
  key: string;
  role: Role;
  input: NotificationInput;
}

/**
 * Every queue's jobs: retried with exponential backoff (1 s, 2 s, 4 s … about 17 minutes in all),
 * kept a day once done so their ids still dedupe, and kept for inspection when they finally fail.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 11,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/**
 * How soon a job held by a worker that died (killed, machine lost) is handed to another: its lock
 * lapses after `lockDuration` (a live worker renews it every half of that), and the stalled-job
 * check, every `stalledInterval`, moves it back to waiting. About 15–25 s instead of BullMQ's
 * default of about a minute, so a mail stuck with a dead worker is not late by much.
 */
export const WORKER_OPTIONS = { lockDuration: 15_000, stalledInterval: 5_000 } as const;

/** A job id never contains `:` (BullMQ's key separator). */
export function channelJobId(channel: Channel, key: string): string {
  return `${channel}-${key}`.replace(/:/g, '-');
}
