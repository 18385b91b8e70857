import { currentRightsVersion } from '@haven/infrastructure';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * Whether an access token predates its user's last change of roles or active flag (see
 * `@haven/common` rights-version). One Redis GET per authenticated request.
 *
 * While Redis is unreachable the token is accepted as it stands (fail open, logged): refusing
 * every signed-in request would turn a Redis blip into a full outage, the exposure is bounded by
 * the access-token lifetime (15 minutes, as before versions existed; deactivation also revokes the
 * refresh tokens in PostgreSQL), and the sensitive actions re-check the caller at the owning
 * service anyway (accounts admin routes, directory vetting and suspensions).
 */
/** While Redis stays away, one warning per this many milliseconds, not one per request. */
const WARN_EVERY_MS = 10_000;

export class RightsVersionCheck {
  private readonly logger = new Logger(RightsVersionCheck.name);
  private lastWarnedAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async isStale(userId: string, tokenVersion: number): Promise<boolean> {
    try {
      return tokenVersion < (await currentRightsVersion(this.redis, this.prefix, userId));
    } catch (error) {
      if (Date.now() - this.lastWarnedAt >= WARN_EVERY_MS) {
        this.lastWarnedAt = Date.now();
        this.logger.warn(`rights versions unavailable, accepting tokens as issued: ${(error as Error).message}`);
      }
      return false;
    }
  }
}
