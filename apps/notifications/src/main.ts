import 'reflect-metadata';
import { runServiceMain } from '@haven/messaging';
import { NotificationsConfig } from './config/notifications.config';
import { NotificationsModule } from './notifications.module';

runServiceMain({
  service: 'notifications',
  consumesEvents: true,
  config: NotificationsConfig,
  module: (config) => NotificationsModule.register(config),
});
