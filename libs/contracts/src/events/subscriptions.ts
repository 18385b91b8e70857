import { AccountsEvents } from '../accounts/accounts.events';
import { BookingEvents } from '../booking/booking.events';
import { DirectoryEvents } from '../directory/directory.events';
import type { ServiceName } from '../services';
import type { EventContract } from './envelope';

/**
 * Which service consumes which events: the single source of the broker's bindings. Every app (and
 * `npm run migrate`) declares each service's event queue bound to these types before anything is
 * published, so an event published before its consumer first started waits in the consumer's queue.
 * A test checks this against the `@OnEvent` handlers each service registers.
 */
export const EVENT_SUBSCRIPTIONS: Readonly<Record<ServiceName, readonly EventContract<unknown>[]>> = {
  accounts: [
    AccountsEvents.updated,
    DirectoryEvents.approved,
    DirectoryEvents.rejected,
    DirectoryEvents.changesRequested,
    DirectoryEvents.suspended,
    DirectoryEvents.reinstated,
  ],
  directory: [AccountsEvents.updated, BookingEvents.completed, BookingEvents.openingsChanged],
  booking: [
    AccountsEvents.registered,
    AccountsEvents.updated,
    DirectoryEvents.approved,
    DirectoryEvents.suspended,
    DirectoryEvents.reinstated,
    DirectoryEvents.offeringChanged,
  ],
  notifications: [
    AccountsEvents.passwordResetRequested,
    DirectoryEvents.applicationSubmitted,
    DirectoryEvents.approved,
    DirectoryEvents.rejected,
    DirectoryEvents.changesRequested,
    DirectoryEvents.suspended,
    BookingEvents.confirmed,
    BookingEvents.cancelled,
    BookingEvents.rescheduled,
    BookingEvents.expired,
    BookingEvents.completed,
    BookingEvents.paymentFailed,
    BookingEvents.refundProcessed,
    BookingEvents.refundFailed,
    BookingEvents.reconciliationCompleted,
  ],
};

/** The routing keys a service's event queue is bound to. */
export function subscribedEventTypes(service: ServiceName): string[] {
  return EVENT_SUBSCRIPTIONS[service].map((contract) => contract.type);
}
