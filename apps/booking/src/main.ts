import 'reflect-metadata';
import { runServiceMain } from '@haven/messaging';
import { BookingConfig } from './config/booking.config';
import { BookingModule } from './booking.module';

runServiceMain({
  service: 'booking',
  consumesEvents: true,
  config: BookingConfig,
  module: (config) => BookingModule.register(config),
});
