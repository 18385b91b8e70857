import { RpcTextInterceptor } from '@haven/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { serviceDatabaseModule } from '@haven/database';
import {
  CreateMessagingTables1764300000000,
  CreateRpcRequestLedger1764800000000,
  InboxMessage,
  OutboxMessage,
  RpcRequestRecord,
  ServiceMessagingModule,
} from '@haven/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AccountStateEntity } from './accounts-sync/account-state.entity';
import { UserZoneEntity } from './accounts-sync/user-zone.entity';
import { AvailabilityEntity } from './availability/availability.entity';
import { BookingEntity } from './bookings/booking.entity';
import { BookingsModule } from './bookings.module';
import { CalendarFeedEntity } from './calendar-feed/calendar-feed.entity';
import { CalendarModule } from './calendar.module';
import { BookingConfig } from './config/booking.config';
import { CounselorEntity } from './directory-sync/counselor.entity';
import { OfferingEntity } from './directory-sync/offering.entity';
import { CreateCalendarTables1764400000000 } from './migrations/1764400000000-CreateCalendarTables';
import { CreateUserZones1764400000001 } from './migrations/1764400000001-CreateUserZones';
import { CreateAccountStates1764700000001 } from './migrations/1764700000001-CreateAccountStates';
import { CreatePaymentTables1764800000000 } from './migrations/1764800000000-CreatePaymentTables';
import { PaymentEntity } from './payments/payment.entity';
import { RefundEntity } from './payments/refund.entity';
import { RazorpayModule } from './payments/razorpay/razorpay.module';
import { TimeOffEntity } from './time-off/time-off.entity';

export const BOOKING_ENTITIES = [
  OutboxMessage,
  InboxMessage,
  CounselorEntity,
  OfferingEntity,
  AvailabilityEntity,
  TimeOffEntity,
  CalendarFeedEntity,
  BookingEntity,
  UserZoneEntity,
  AccountStateEntity,
  PaymentEntity,
  RefundEntity,
  RpcRequestRecord,
];
export const BOOKING_MIGRATIONS = [
  CreateMessagingTables1764300000000,
  CreateCalendarTables1764400000000,
  CreateUserZones1764400000001,
  CreateAccountStates1764700000001,
  CreatePaymentTables1764800000000,
  CreateRpcRequestLedger1764800000000,
];

@Module({})
class BookingConfigModule {}

/** Availability, slots, bookings, holds, payments, refunds, ledger, payouts and reconciliation. */
@Module({})
export class BookingModule {
  static register(config: BookingConfig): DynamicModule {
    return {
      module: BookingModule,
      imports: [
        {
          module: BookingConfigModule,
          global: true,
          providers: [{ provide: BookingConfig, useValue: config }],
          exports: [BookingConfig],
        },
        serviceDatabaseModule({
          schema: 'booking',
          url: config.DATABASE_URL,
          entities: BOOKING_ENTITIES,
          migrations: BOOKING_MIGRATIONS,
        }),
        ServiceMessagingModule.forService({ service: 'booking', rabbitmqUrl: config.RABBITMQ_URL }),
        CalendarModule,
        RazorpayModule,
        BookingsModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: RpcTextInterceptor }],
    };
  }
}
