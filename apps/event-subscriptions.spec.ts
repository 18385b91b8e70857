import { SERVICE_NAMES, subscribedEventTypes } from '@haven/contracts';
import { loadConfig } from '@haven/infrastructure';
import { eventTypesHandledBy } from '@haven/messaging';
import { describe, expect, it } from 'vitest';
import { AccountsModule } from './accounts/src/accounts.module';
import { AccountsConfig } from './accounts/src/config/accounts.config';
import { BookingModule } from './booking/src/booking.module';
import { BookingConfig } from './booking/src/config/booking.config';
import { DirectoryConfig } from './directory/src/config/directory.config';
import { DirectoryModule } from './directory/src/directory.module';
import { NotificationsConfig } from './notifications/src/config/notifications.config';
import { NotificationsModule } from './notifications/src/notifications.module';

const env = { NODE_ENV: 'test' };
/** Each service's module as its main registers it (building the definition touches no infrastructure). */
const SERVICE_MODULES = {
  accounts: AccountsModule.register(loadConfig(AccountsConfig, env)),
  directory: DirectoryModule.register(loadConfig(DirectoryConfig, env)),
  booking: BookingModule.register(loadConfig(BookingConfig, env)),
  notifications: NotificationsModule.register(loadConfig(NotificationsConfig, env)),
};

describe('EVENT_SUBSCRIPTIONS, the source of the broker bindings', () => {
  it.each(SERVICE_NAMES)('binds to %s’s queue exactly the events its @OnEvent handlers take', (service) => {
    expect(eventTypesHandledBy(SERVICE_MODULES[service])).toEqual([...subscribedEventTypes(service)].sort());
  });

  it('sees a handler in an imported module (so a handler without a binding cannot hide there)', () => {
    expect(eventTypesHandledBy(SERVICE_MODULES.booking)).toContain('offering.changed');
  });
});
