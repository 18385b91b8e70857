import { AccountsEvents, type EventEnvelope, type UserRegisteredData } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AccountsSyncService } from './accounts-sync.service';

/**
 * `user.registered`: the new user's time zone. (`user.updated`, which may also cancel bookings, is
 * taken by the bookings events controller.)
 */
@Controller()
export class AccountsSyncEventsController {
  constructor(private readonly sync: AccountsSyncService) {}

  @OnEvent(AccountsEvents.registered)
  async registered(@Payload() event: EventEnvelope<UserRegisteredData>): Promise<void> {
    await this.sync.keepZone(event);
  }
}
