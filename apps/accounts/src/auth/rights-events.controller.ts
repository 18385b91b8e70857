import { AccountsEvents, type EventEnvelope, type UserUpdatedData } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RightsVersions } from './rights-versions';

/**
 * The reliable path of rights versions: every `user.updated` (at least once) raises the version in
 * Redis. Idempotent and order-proof (the version only ever rises), so it needs no inbox; a Redis
 * failure throws and the event is delivered again.
 */
@Controller()
export class RightsEventsController {
  private readonly logger = new Logger(RightsEventsController.name);

  constructor(private readonly rights: RightsVersions) {}

  @OnEvent(AccountsEvents.updated)
  async updated(@Payload() event: EventEnvelope<UserUpdatedData>): Promise<void> {
    const { userId, rightsVersion } = event.data ?? ({} as UserUpdatedData);
    if (typeof userId !== 'string' || !Number.isSafeInteger(rightsVersion)) {
      this.logger.warn({ msg: 'user.updated without a rights version: ignored', eventId: event.id });
      return;
    }
    await this.rights.publish(userId, rightsVersion);
  }
}
