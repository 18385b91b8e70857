import { RpcTextInterceptor, ServiceMessagingModule } from '@haven/messaging';
import { serviceDatabaseModule } from '@haven/database';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccountsSyncEventsController } from './accounts-sync/accounts-sync-events.controller';
import { AccountsSyncService } from './accounts-sync/accounts-sync.service';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilityService } from './availability/availability.service';
import { BOOKING_ENTITIES, BOOKING_MIGRATIONS } from './booking.schema';
import { BookingLifecycleService } from './bookings/booking-lifecycle.service';
import { BookingsEventsController } from './bookings/bookings-events.controller';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsService } from './bookings/bookings.service';
import { CounselorBookingsService } from './bookings/counselor-bookings.service';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service';
import { BookingConfig } from './config/booking.config';
import { DirectorySyncEventsController } from './directory-sync/directory-sync-events.controller';
import { DirectorySyncService } from './directory-sync/directory-sync.service';
import { FinanceQueue } from './finance/finance-queue';
import { FinanceWorker } from './finance/finance-worker';
import { LedgerViewController } from './finance/ledger-view/ledger-view.controller';
import { LedgerViewService } from './finance/ledger-view/ledger-view.service';
import { PaymentsViewController } from './finance/payments-view/payments-view.controller';
import { PaymentsViewService } from './finance/payments-view/payments-view.service';
import { PayoutsController } from './finance/payouts/payouts.controller';
import { PayoutsService } from './finance/payouts/payouts.service';
import { ReconciliationController } from './finance/reconciliation/reconciliation.controller';
import { ReconciliationService } from './finance/reconciliation/reconciliation.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { BookingQueue } from './jobs/booking-queue';
import { BookingWorker } from './jobs/booking-worker';
import { LedgerService } from './ledger/ledger.service';
import { HoldsService } from './payments/holds.service';
import { PaymentsController } from './payments/payments.controller';
import { RazorpayPayments } from './payments/razorpay/razorpay-payments';
import { RefundsService } from './payments/refunds.service';
import { WebhooksService } from './payments/webhooks.service';
import { SlotsController } from './slots/slots.controller';
import { OpeningsRefresher } from './openings/openings-refresher';
import { SlotsService } from './slots/slots.service';
import { TimeOffController } from './time-off/time-off.controller';
import { TimeOffService } from './time-off/time-off.service';

/** Availability, time off, slots, the calendar feed, bookings, payments, refunds, the ledger and finance. */
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
      controllers: [
        AvailabilityController,
        TimeOffController,
        SlotsController,
        CalendarFeedController,
        BookingsController,
        BookingsEventsController,
        PaymentsController,
        DirectorySyncEventsController,
        AccountsSyncEventsController,
        PaymentsViewController,
        LedgerViewController,
        ReconciliationController,
        PayoutsController,
      ],
      providers: [
        { provide: BookingConfig, useValue: config },
        { provide: APP_INTERCEPTOR, useClass: RpcTextInterceptor },
        // The one adapter to Razorpay (production refuses sandbox credentials).
        { provide: RazorpayPayments, useFactory: () => new RazorpayPayments(config.razorpay) },
        AvailabilityService,
        TimeOffService,
        SlotsService,
        OpeningsRefresher,
        CalendarFeedService,
        BookingsService,
        BookingLifecycleService,
        CounselorBookingsService,
        IdempotencyService,
        HoldsService,
        RefundsService,
        WebhooksService,
        LedgerService,
        BookingQueue,
        BookingWorker,
        DirectorySyncService,
        AccountsSyncService,
        PaymentsViewService,
        LedgerViewService,
        ReconciliationService,
        PayoutsService,
        FinanceQueue,
        FinanceWorker,
      ],
    };
  }
}
