import { Module } from '@nestjs/common';
import { DirectoryGatewayModule } from '../directory/directory.module';
import { BookingsController } from './bookings.controller';
import { CounselorBookingsController } from './counselor-bookings.controller';
import { WebhooksController } from './webhooks.controller';

/** Bookings, payments and Razorpay's webhooks (booking service). */
@Module({
  imports: [DirectoryGatewayModule],
  controllers: [BookingsController, CounselorBookingsController, WebhooksController],
})
export class BookingsGatewayModule {}
