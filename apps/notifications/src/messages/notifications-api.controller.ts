import { RpcHandler } from '@haven/messaging';
import {
  type ListNotificationsRequest,
  type NotificationPreferences,
  NotificationsRpc,
  type NotificationView,
  type Page,
  type RpcRequest,
} from '@haven/contracts';
import { actorOf, DomainError, pageOf, uuidOrNotFound } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PreferencesService } from '../preferences/preferences.service';
import { RemindersService } from '../reminders/reminders.service';
import { MessagesService } from './messages.service';

/** The signed-in user's inbox and preferences (GET/POST /me/notifications…, /me/notification-preferences). */
@Controller()
export class NotificationsApiController {
  constructor(
    private readonly messages: MessagesService,
    private readonly preferences: PreferencesService,
    private readonly reminders: RemindersService,
  ) {}

  @RpcHandler(NotificationsRpc.list)
  list(@Payload() request: RpcRequest<ListNotificationsRequest>): Promise<Page<NotificationView>> {
    const actor = actorOf(request);
    const { page, limit } = pageOf(request.body);
    return this.messages.list(actor.userId, unreadFlag(request.body?.unread), page, limit);
  }

  @RpcHandler(NotificationsRpc.markRead)
  async markRead(@Payload() request: RpcRequest<{ id: string }>): Promise<{ ok: true }> {
    const actor = actorOf(request);
    await this.messages.markRead(actor.userId, uuidOrNotFound(request.body?.id, 'notification_not_found'));
    return { ok: true };
  }

  @RpcHandler(NotificationsRpc.getPreferences)
  getPreferences(@Payload() request: RpcRequest<Record<string, never>>): Promise<NotificationPreferences> {
    return this.preferences.get(actorOf(request).userId);
  }

  @RpcHandler(NotificationsRpc.updatePreferences)
  async updatePreferences(
    @Payload() request: RpcRequest<Partial<NotificationPreferences>>,
  ): Promise<NotificationPreferences> {
    const actor = actorOf(request);
    const updated = await this.preferences.update(actor.userId, request.body);
    if (request.body?.reminders !== undefined) await this.reminders.preferencesChanged(actor.userId);
    return updated;
  }
}

function unreadFlag(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  throw DomainError.invalidField('unread', 'must be true or false');
}
