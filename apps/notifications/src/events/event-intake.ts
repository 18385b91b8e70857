import type { EventEnvelope } from '@haven/contracts';
import { InboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { BookingCopy, COPIED_BOOKING_EVENTS } from '../bookings/booking-copy';
import { Dispatcher } from '../delivery/dispatcher';
import { RemindersService } from '../reminders/reminders.service';
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
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    await this.inbox.process(event, 'notifications', async (manager) => {
      const change = COPIED_BOOKING_EVENTS.includes(event.type) ? await this.bookings.apply(manager, event) : null;
      // An event older than what the booking already went through (a confirmation arriving after
      // its cancellation) tells nobody anything.
      if (change && !change.after) return;
      for (const { audience, input } of planNotifications(event)) {
        if ('userId' in audience) {
          await this.dispatcher.dispatch(audience.userId, `${event.id}-${audience.userId}`, input, manager);
        } else {
          await this.dispatcher.dispatchToRole(audience.role, event.id, input, manager);
        }
      }
      if (change) await this.reminders.follow(change, manager);
    });
  }
}
