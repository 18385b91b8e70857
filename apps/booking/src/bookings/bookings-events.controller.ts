import {
  AccountsEvents,
  type CounselorStatusChange,
  DirectoryEvents,
  type EventEnvelope,
  type UserUpdatedData,
} from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AccountsSyncService } from '../accounts-sync/accounts-sync.service';
import { DirectorySyncService } from '../directory-sync/directory-sync.service';
import { BookingsService } from './bookings.service';

/**
 * Events that change bookings: `counselor.suspended` stops new bookings (status copy) and cancels
 * the future ones with full refunds; `user.updated` keeps the account copies (zone, active) and,
 * for a deactivated account, cancels its future bookings the same way.
 */
@Controller()
export class BookingsEventsController {
  constructor(
    private readonly sync: DirectorySyncService,
    private readonly accounts: AccountsSyncService,
    private readonly bookings: BookingsService,
  ) {}

  @OnEvent(AccountsEvents.updated)
  async accountUpdated(@Payload() event: EventEnvelope<UserUpdatedData>): Promise<void> {
    await this.accounts.keepZone(event);
    const stored = await this.accounts.keepActive(event);
    if (stored && event.data.active === false) await this.bookings.cancelForDeactivation(event);
  }

  @OnEvent(DirectoryEvents.suspended)
  async suspended(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    await this.sync.setStatus(event, event.data.counselorId, 'suspended');
    await this.bookings.cancelForSuspension(event);
  }
}
