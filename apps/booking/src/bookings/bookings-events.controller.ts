import { type CounselorStatusChange, DirectoryEvents, type EventEnvelope } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DirectorySyncService } from '../directory-sync/directory-sync.service';
import { BookingsService } from './bookings.service';

/** Events that change bookings: `counselor.suspended` stops new bookings (status copy) and cancels the future ones with full refunds. */
@Controller()
export class BookingsEventsController {
  constructor(
    private readonly sync: DirectorySyncService,
    private readonly bookings: BookingsService,
  ) {}

  @OnEvent(DirectoryEvents.suspended)
  async suspended(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    await this.sync.setStatus(event, event.data.counselorId, 'suspended');
    await this.bookings.cancelForSuspension(event);
  }
}
