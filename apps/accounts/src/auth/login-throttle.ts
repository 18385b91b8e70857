import { DomainError } from '@haven/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AccountsConfig } from '../config/accounts.config';

export const ACCOUNTS_REDIS = Symbol('ACCOUNTS_REDIS');

/** How long a client should wait before logging in again while Redis is away. */
const UNAVAILABLE_RETRY_SECONDS = 30;

/**
 * Login attempts per account (keyed by the normalized e-mail address), counted in Redis so every
 * replica shares the count. Each attempt is counted atomically (INCR) BEFORE its password is
 * checked, so parallel guesses cannot all slip under the limit: once LOGIN_MAX_FAILURES attempts
 * failed within the window, every further attempt (even with the right password) gets 429 until
 * the window passes. A successful login clears the count.
 *
 * While Redis is unreachable, logins fail closed with 503: counting in each replica's memory would
 * multiply the limit by the number of replicas and restarts, and PostgreSQL is no place for a hot
 * counter. Sessions already open keep working (refresh does not need this), only new logins wait.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(ACCOUNTS_REDIS) redis: Redis, config: AccountsConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail`,
      points: config.LOGIN_MAX_FAILURES,
      duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      rejectIfRedisNotReady: true,
    });
  }

  /**
   * Counts one attempt for the account; throws 429 once the earlier failures used up the limit,
   * 503 while the count cannot be kept. Call before checking the password; `succeeded` afterwards.
   */
  async countAttempt(email: string): Promise<void> {
    try {
      await this.limiter.consume(email, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw blocked(rejection.msBeforeNext);
      this.logger.warn(`login throttle unavailable, refusing logins: ${(rejection as Error)?.message ?? rejection}`);
      throw DomainError.unavailable(
        'login_unavailable',
        'Logging in is unavailable for a moment; try again shortly',
        UNAVAILABLE_RETRY_SECONDS,
      );
    }
  }

  /** The password was right: the account starts over with a clean count. */
  async reset(email: string): Promise<void> {
    await this.limiter.delete(email).catch((error: unknown) => {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
    });
  }
}

function blocked(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return DomainError.rateLimited(
    'too_many_failed_logins',
    `Too many failed logins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    seconds,
  );
}
