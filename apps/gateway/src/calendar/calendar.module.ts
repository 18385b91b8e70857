import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { CounselorCalendarController } from './counselor-calendar.controller';
import { SlotsController } from './slots.controller';

/** Counselor calendars, public slots and the ICS feed (booking service). */
@Module({
  controllers: [CounselorCalendarController, SlotsController, CalendarFeedController],
})
export class CalendarGatewayModule {}
