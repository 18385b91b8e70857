import { RpcClient, RpcTextInterceptor, ServiceMessagingModule } from '@haven/messaging';
import { serviceDatabaseModule } from '@haven/database';
import { BullModule } from '@nestjs/bullmq';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './notifications.schema';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { BookingCopy } from './bookings/booking-copy';
import { EmailProcessor } from './channels/email.processor';
import { FanOutProcessor } from './channels/fan-out.processor';
import { InAppProcessor } from './channels/in-app.processor';
import { Mailer } from './channels/mailer';
import { PasswordResetLinks } from './channels/password-reset-links';
import { LoggingSmsProvider, SMS_PROVIDER } from './channels/sms-provider';
import { SmsProcessor } from './channels/sms.processor';
import { NotificationsConfig } from './config/notifications.config';
import { Dispatcher } from './delivery/dispatcher';
import {
  DEFAULT_JOB_OPTIONS,
  EMAIL_QUEUE,
  FAN_OUT_QUEUE,
  IN_APP_QUEUE,
  REMINDERS_QUEUE,
  SMS_QUEUE,
} from './delivery/queues';
import { DeliveryLog } from './delivery/delivery-log';
import { EventIntake } from './events/event-intake';
import { DomainEventsController } from './events/domain-events.controller';
import { MessagesService } from './messages/messages.service';
import { NotificationsApiController } from './messages/notifications-api.controller';
import { PreferencesService } from './preferences/preferences.service';
import { Recipients } from './recipients/recipients';
import { RemindersProcessor } from './reminders/reminders.processor';
import { RemindersService } from './reminders/reminders.service';

/** Turns domain events into e-mail, SMS and in-app messages and reminders. */
@Module({})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

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
        BullModule.forRoot({
          connection: { url: config.REDIS_URL },
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue(
          { name: EMAIL_QUEUE },
          { name: SMS_QUEUE },
          { name: IN_APP_QUEUE },
          { name: REMINDERS_QUEUE },
          { name: FAN_OUT_QUEUE },
        ),
      ],
      controllers: [DomainEventsController, NotificationsApiController],
      providers: [
        { provide: NotificationsConfig, useValue: config },
        { provide: APP_INTERCEPTOR, useClass: RpcTextInterceptor },
        // Asks accounts for contact data and password-reset tokens while sending.
        { provide: RpcClient, useFactory: () => new RpcClient(config.RABBITMQ_URL, config.RPC_TIMEOUT_MS) },
        { provide: SMS_PROVIDER, useClass: LoggingSmsProvider },
        Recipients,
        PasswordResetLinks,
        PreferencesService,
        MessagesService,
        BookingCopy,
        DeliveryLog,
        Dispatcher,
        RemindersService,
        EventIntake,
        Mailer,
        EmailProcessor,
        SmsProcessor,
        InAppProcessor,
        RemindersProcessor,
        FanOutProcessor,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }
}
