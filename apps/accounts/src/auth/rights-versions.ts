import { raiseRightsVersion } from '@haven/infrastructure';
import { AccountsEvents, type Role } from '@haven/contracts';
import type { OutboxService } from '@haven/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { AccountsConfig } from '../config/accounts.config';
import { UserEntity } from '../users/user.entity';
import { userUpdatedData } from '../users/user-events';
import { ACCOUNTS_REDIS } from './login-throttle';

/** A version key outlives the last access token issued before the change by this much. */
const KEY_MARGIN_SECONDS = 120;

/**
 * Changes a user's roles and/or active flag on the row the caller locked: raises the rights
 * version (so access tokens issued before turn stale) and announces the account as it now is
 * (`user.updated`), all in the caller's transaction. Call `RightsVersions.publish` after commit.
 */
export async function changeRights(
  manager: EntityManager,
  outbox: OutboxService,
  user: UserEntity,
  change: { roles: Role[]; active: boolean },
): Promise<void> {
  Object.assign(user, { ...change, rightsVersion: user.rightsVersion + 1, updatedAt: new Date() });
  await manager.update(
    UserEntity,
    { id: user.id },
    { roles: user.roles, active: user.active, rightsVersion: user.rightsVersion, updatedAt: user.updatedAt },
  );
  await outbox.add(manager, AccountsEvents.updated, userUpdatedData(user));
}

/**
 * Tells the gateway (through Redis) a user's current rights version. Written twice: right after
 * the change commits, so the very next request with an older token is refused, and from the
 * `user.updated` event, which arrives at least once even when that first write failed.
 */
@Injectable()
export class RightsVersions {
  private readonly logger = new Logger(RightsVersions.name);

  constructor(
    @Inject(ACCOUNTS_REDIS) private readonly redis: Redis,
    private readonly config: AccountsConfig,
  ) {}

  /** Throws when Redis cannot be written (the event handler relies on that to be redelivered). */
  async publish(userId: string, version: number): Promise<void> {
    await raiseRightsVersion(
      this.redis,
      this.config.REDIS_PREFIX,
      userId,
      version,
      this.config.ACCESS_TOKEN_TTL_SECONDS + KEY_MARGIN_SECONDS,
    );
  }

  /** After a commit: a failure only delays the refusal until the `user.updated` event is handled. */
  async publishSoon(userId: string, version: number): Promise<void> {
    await this.publish(userId, version).catch((error: unknown) => {
      this.logger.warn({ msg: 'rights version not written yet; the user.updated event will', userId, err: error });
    });
  }
}
