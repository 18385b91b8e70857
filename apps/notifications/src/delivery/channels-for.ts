import type { NotificationPreferences } from '@haven/contracts';
import { isSecurityNotice, isSmsWorthy, type NotificationInput } from '../templates/notification-input';
import type { Channel } from './queues';

/**
 * The channels a notification goes out on for a user with these preferences. Security notices
 * (password reset) are mailed whatever the preferences say, and only mailed: no link in an inbox or SMS.
 */
export function channelsFor(input: NotificationInput, preferences: NotificationPreferences): Channel[] {
  if (isSecurityNotice(input)) return ['email'];
  const channels: Channel[] = [];
  if (preferences.inApp) channels.push('in-app');
  if (preferences.email) channels.push('email');
  if (preferences.sms && isSmsWorthy(input)) channels.push('sms');
  return channels;
}
