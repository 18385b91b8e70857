import { Module } from '@nestjs/common';
import { BookingLifecycleService } from './bookings/booking-lifecycle.service';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsService } from './bookings/bookings.service';
import { CounselorSuspensionController } from './bookings/counselor-suspension.controller';
import { CalendarModule } from './calendar.module';
import { IdempotencyService } from './idempotency/idempotency.service';
import { BookingQueue } from './jobs/booking-queue';
import { BookingWorker } from './jobs/booking-worker';
import { LedgerService } from './ledger/ledger.service';
import { HoldsService } from './payments/holds.service';
import { RazorpayModule } from './payments/razorpay/razorpay.module';
import { RefundsService } from './payments/refunds.service';
import { WebhooksService } from './payments/webhooks.service';

/** Bookings with payments: holds, confirmation, refunds, the ledger, webhooks and their jobs. */
@Module({
  imports: [CalendarModule, RazorpayModule],
  controllers: [BookingsController, CounselorSuspensionController],
  providers: [
    BookingsService,
    BookingLifecycleService,
    HoldsService,
    RefundsService,
    WebhooksService,
    LedgerService,
    IdempotencyService,
    BookingQueue,
    BookingWorker,
  ],
})
export class BookingsModule {}
