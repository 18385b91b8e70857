import type { EventEnvelope } from '@haven/contracts';
import { InboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { BookingCopy, COPIED_BOOKING_EVENTS } from '../bookings/booking-copy';
import { Dispatcher } from '../delivery/dispatcher';
import { Recipients } from '../recipients/recipients';
import { RemindersService } from '../reminders/reminders.service';
import type { NotificationInput } from '../templates/notification-input';
import { planNotifications } from './plan';

/**
 * Applies one event exactly once (inbox): updates the copy of its booking, queues a message per
 * recipient and channel, and moves the booking's reminders. Queued jobs have deterministic ids,
 * so if the transaction fails after queueing, the redelivered event re-adds the same jobs, not new ones.
 */
@Injectable()
export class EventIntake {
  constructor(
    private readonly inbox: InboxService,
    private readonly bookings: BookingCopy,
    private readonly dispatcher: Dispatcher,
    private readonly reminders: RemindersService,
    private readonly recipients: Recipients,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const deliveries = await this.resolveAudiences(event);
    await this.inbox.process(event, 'notifications', async (manager) => {
      const change = COPIED_BOOKING_EVENTS.includes(event.type) ? await this.bookings.apply(manager, event) : null;
      for (const { userId, input } of deliveries) {
        await this.dispatcher.dispatch(userId, `${event.id}-${userId}`, input, manager);
      }
      if (change) await this.reminders.follow(change, manager);
    });
  }

  /** Notifications meant for a role (finance alerts) go to every active user holding it now. */
  private async resolveAudiences(event: EventEnvelope): Promise<{ userId: string; input: NotificationInput }[]> {
    const deliveries: { userId: string; input: NotificationInput }[] = [];
    for (const { audience, input } of planNotifications(event)) {
      if ('userId' in audience) {
        deliveries.push({ userId: audience.userId, input });
      } else {
        for (const contact of await this.recipients.withRole(audience.role))
          deliveries.push({ userId: contact.id, input });
      }
    }
    return deliveries;
  }
}
