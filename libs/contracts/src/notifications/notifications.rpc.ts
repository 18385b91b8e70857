import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type { NotificationPreferences, NotificationView } from './notifications.types';

export interface ListNotificationsRequest {
  /** Only messages not yet read. */
  unread?: boolean;
  page: number;
  limit: number;
}

/**
 * Served by the notifications service; every request acts on the signed-in actor's own messages
 * and preferences.
 */
export const NotificationsRpc = {
  list: defineRpc<ListNotificationsRequest, Page<NotificationView>>('notifications', 'notifications.v1.list'),
  /** `not_found` for another user's message. */
  markRead: defineRpc<{ id: string }, { ok: true }>('notifications', 'notifications.v1.mark-read'),
  getPreferences: defineRpc<Record<string, never>, NotificationPreferences>(
    'notifications',
    'notifications.v1.preferences.get',
  ),
  /** Replaces the fields given; omitted ones keep their value. */
  updatePreferences: defineRpc<Partial<NotificationPreferences>, NotificationPreferences>(
    'notifications',
    'notifications.v1.preferences.update',
  ),
} as const;
