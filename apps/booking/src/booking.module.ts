import { serviceDatabaseModule } from '@haven/database';
import {
  CreateMessagingTables1764300000000,
  InboxMessage,
  OutboxMessage,
  ServiceMessagingModule,
} from '@haven/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { BookingConfig } from './config/booking.config';

export const BOOKING_ENTITIES = [OutboxMessage, InboxMessage];
export const BOOKING_MIGRATIONS = [CreateMessagingTables1764300000000];

/** Availability, slots, bookings, holds, payments, refunds, ledger, payouts and reconciliation. */
@Module({})
export class BookingModule {
  static register(config: BookingConfig): DynamicModule {
    return {
      module: BookingModule,
      imports: [
        serviceDatabaseModule({
          schema: 'booking',
          url: config.DATABASE_URL,
          entities: BOOKING_ENTITIES,
          migrations: BOOKING_MIGRATIONS,
        }),
        ServiceMessagingModule.forService({ service: 'booking', rabbitmqUrl: config.RABBITMQ_URL }),
      ],
      providers: [{ provide: BookingConfig, useValue: config }],
    };
  }
}
