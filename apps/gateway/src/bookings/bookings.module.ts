import { Module } from '@nestjs/common';
import { BookingsController } from './bookings.controller';
import { CounselorBookingsController } from './counselor-bookings.controller';
import { WebhooksController } from './webhooks.controller';

/** Bookings, payments and Razorpay's webhooks (booking service). */
@Module({
  controllers: [BookingsController, CounselorBookingsController, WebhooksController],
})
export class BookingsGatewayModule {}
