import { AccountsEvents, type EventEnvelope, type UserRegisteredData, type UserUpdatedData } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AccountsSyncService } from './accounts-sync.service';

/** Accounts events the booking service keeps copies from: time zones and whether an account is active. */
@Controller()
export class AccountsSyncEventsController {
  constructor(private readonly sync: AccountsSyncService) {}

  @OnEvent(AccountsEvents.registered)
  async registered(@Payload() event: EventEnvelope<UserRegisteredData>): Promise<void> {
    await this.sync.keepZone(event);
  }

  @OnEvent(AccountsEvents.updated)
  async updated(@Payload() event: EventEnvelope<UserUpdatedData>): Promise<void> {
    await this.sync.keepZone(event);
    await this.sync.keepActive(event);
  }
}
