import { Module } from '@nestjs/common';
import { CalendarFeedFileController } from './calendar-feed-file.controller';
import { CalendarFeedController } from './calendar-feed.controller';

/** The counselor's secret ICS URL and the feed behind it (booking service). */
@Module({ controllers: [CalendarFeedController, CalendarFeedFileController] })
export class CalendarFeedGatewayModule {}
