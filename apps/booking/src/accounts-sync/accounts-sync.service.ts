import type { EventEnvelope, UserRegisteredData, UserUpdatedData } from '@haven/contracts';
import { InboxService } from '@haven/messaging';
import { isUuid } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { IANAZone } from 'luxon';

/**
 * Keeps each user's time zone, the default zone of a counselor's availability, and whether the
 * account is active (a deactivated counselor offers no slots and no calendar feed). Nothing else
 * is read from these events: the booking service keeps no contact data. Each event is applied once
 * (inbox) and never over a newer state.
 */
@Injectable()
export class AccountsSyncService {
  constructor(private readonly inbox: InboxService) {}

  async keepZone(event: EventEnvelope<UserRegisteredData>): Promise<void> {
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

  /** Returns whether the event carries a well-formed account state (then it is stored, newest version wins). */
  async keepActive(event: EventEnvelope<UserUpdatedData>): Promise<boolean> {
    const { userId, active, rightsVersion } = event.data;
    if (!isUuid(userId) || typeof active !== 'boolean' || !Number.isSafeInteger(rightsVersion)) return false;
    await this.inbox.process(event, 'booking.account-states', async (manager) => {
      await manager.query(
        `INSERT INTO "booking"."account_states" ("user_id", "active", "rights_version") VALUES ($1, $2, $3)
         ON CONFLICT ("user_id") DO UPDATE SET "active" = EXCLUDED."active", "rights_version" = EXCLUDED."rights_version"
         WHERE "account_states"."rights_version" <= EXCLUDED."rights_version"`,
        [userId, active, rightsVersion],
      );
    });
    return true;
  }
}
