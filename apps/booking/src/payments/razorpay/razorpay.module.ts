import { Module } from '@nestjs/common';
import { BookingConfig } from '../../config/booking.config';
import { RazorpayPayments } from './razorpay-payments';

/** The payments adapter, built from validated config at boot (production refuses sandbox credentials). */
@Module({
  providers: [
    {
      provide: RazorpayPayments,
      inject: [BookingConfig],
      useFactory: (config: BookingConfig) => new RazorpayPayments(config.razorpay),
    },
  ],
  exports: [RazorpayPayments],
})
export class RazorpayModule {}
