import { AccountsEvents, DirectoryEvents, type EventEnvelope, type UserUpdatedData } from '@haven/contracts';
import { InboxService, OnEvent, OutboxService } from '@haven/messaging';
import { isUuid } from '@haven/common';
import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { lockUserVetting } from '../applications/vetting-lock';

/**
 * Keeps whether each account is active (from `user.updated`), so a counselor whose account is
 * deactivated disappears from search and their profile at once, and comes back on reactivation.
 * The account's rights version orders the events: an older or redelivered one changes nothing.
 */
@Controller()
export class AccountsSyncEventsController {
  private readonly logger = new Logger(AccountsSyncEventsController.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(AccountsEvents.updated)
  async updated(@Payload() event: EventEnvelope<UserUpdatedData>): Promise<void> {
    const { userId, active, rightsVersion } = event.data ?? ({} as UserUpdatedData);
    if (!isUuid(userId) || typeof active !== 'boolean' || !Number.isSafeInteger(rightsVersion)) {
      this.logger.warn({ msg: 'user.updated without userId, active or rightsVersion: ignored', eventId: event.id });
      return;
    }
    await this.inbox.process(event, 'directory.account-states', async (manager) => {
      // Against an approval in flight: the new profile must see this state, or this the profile.
      await lockUserVetting(manager, userId);
      await manager.query(
        `INSERT INTO "directory"."account_states" ("user_id", "active", "rights_version") VALUES ($1, $2, $3)
         ON CONFLICT ("user_id") DO UPDATE SET "active" = EXCLUDED."active", "rights_version" = EXCLUDED."rights_version"
         WHERE "account_states"."rights_version" <= EXCLUDED."rights_version"`,
        [userId, active, rightsVersion],
      );
      const [shown] = (await manager.query(
        `UPDATE "directory"."counselors" c SET "account_active" = s."active"
         FROM "directory"."account_states" s
         WHERE s."user_id" = c."id" AND c."id" = $1 AND c."account_active" IS DISTINCT FROM s."active"
         RETURNING c."id"`,
        [userId],
      )) as [{ id: string }[], number];
      if (shown.length > 0) await this.outbox.add(manager, DirectoryEvents.profileChanged, { counselorId: userId });
    });
  }
}
