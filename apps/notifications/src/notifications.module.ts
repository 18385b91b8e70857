import { serviceDatabaseModule } from '@haven/database';
import {
  CreateMessagingTables1764300000000,
  InboxMessage,
  OutboxMessage,
  ServiceMessagingModule,
} from '@haven/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationsConfig } from './config/notifications.config';

export const NOTIFICATIONS_ENTITIES = [OutboxMessage, InboxMessage];
export const NOTIFICATIONS_MIGRATIONS = [CreateMessagingTables1764300000000];

/** Turns domain events into e-mail, SMS and in-app messages and reminders. */
@Module({})
export class NotificationsModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        serviceDatabaseModule({
          schema: 'notifications',
          url: config.DATABASE_URL,
          entities: NOTIFICATIONS_ENTITIES,
          migrations: NOTIFICATIONS_MIGRATIONS,
        }),
        ServiceMessagingModule.forService({ service: 'notifications', rabbitmqUrl: config.RABBITMQ_URL }),
      ],
      providers: [{ provide: NotificationsConfig, useValue: config }],
    };
  }
}
