import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** In-app messages and notification preferences (notifications service). */
@Module({ controllers: [NotificationsController] })
export class NotificationsGatewayModule {}
