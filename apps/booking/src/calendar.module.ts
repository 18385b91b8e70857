import { Module } from '@nestjs/common';
import { AccountsSyncController } from './accounts-sync/accounts-sync.controller';
import { AvailabilityService } from './availability/availability.service';
import { CalendarController } from './calendar.controller';
import { CounselorBookingsService } from './bookings/counselor-bookings.service';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service';
import { DirectorySyncController } from './directory-sync/directory-sync.controller';
import { DirectorySyncService } from './directory-sync/directory-sync.service';
import { SlotsService } from './slots/slots.service';
import { TimeOffService } from './time-off/time-off.service';

/** Counselor calendars: availability, time off, slots, the bookings view, ICS feeds and the directory copies they need. */
@Module({
  controllers: [CalendarController, DirectorySyncController, AccountsSyncController],
  providers: [
    AvailabilityService,
    TimeOffService,
    CounselorBookingsService,
    SlotsService,
    CalendarFeedService,
    DirectorySyncService,
  ],
  exports: [AvailabilityService, SlotsService, DirectorySyncService],
})
export class CalendarModule {}
