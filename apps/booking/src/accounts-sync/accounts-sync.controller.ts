import { AccountsEvents, type EventEnvelope, type UserRegisteredData } from '@haven/contracts';
import { InboxService, OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IANAZone } from 'luxon';

/**
 * Keeps each user's time zone, the default zone of a counselor's availability. Only the zone is
 * read from these events: the booking service keeps no contact data.
 */
@Controller()
export class AccountsSyncController {
  constructor(private readonly inbox: InboxService) {}

  @OnEvent(AccountsEvents.registered)
  async registered(@Payload() event: EventEnvelope<UserRegisteredData>): Promise<void> {
    await this.keepZone(event);
  }

  @OnEvent(AccountsEvents.updated)
  async updated(@Payload() event: EventEnvelope<UserRegisteredData>): Promise<void> {
    await this.keepZone(event);
  }

  private async keepZone(event: EventEnvelope<UserRegisteredData>): Promise<void> {
    const { userId, timezone } = event.data;
    if (!timezone || !IANAZone.isValidZone(timezone)) return;
    await this.inbox.process(event, 'booking.user-zones', async (manager) => {
      await manager.query(
        `INSERT INTO "booking"."user_zones" ("user_id", "timezone", "version_at") VALUES ($1, $2, $3)
         ON CONFLICT ("user_id") DO UPDATE SET "timezone" = EXCLUDED."timezone", "version_at" = EXCLUDED."version_at"
         WHERE "user_zones"."version_at" <= EXCLUDED."version_at"`,
        [userId, timezone, event.occurredAt],
      );
    });
  }
}
