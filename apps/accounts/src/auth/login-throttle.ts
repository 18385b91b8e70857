import { DomainError } from '@haven/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AccountsConfig } from '../config/accounts.config';

export const ACCOUNTS_REDIS = Symbol('ACCOUNTS_REDIS');

/**
 * Failed logins per account (keyed by the normalized e-mail address), counted in Redis so every
 * replica shares the count: after LOGIN_MAX_FAILURES failures within the window, every attempt
 * (even with the right password) gets 429 until the window passes. A success clears the count.
 * If Redis is unreachable, each replica counts in memory instead of failing open.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly limiter: RateLimiterRedis;

  constructor(
    @Inject(ACCOUNTS_REDIS) redis: Redis,
    private readonly config: AccountsConfig,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail`,
      points: config.LOGIN_MAX_FAILURES,
      duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({
        points: config.LOGIN_MAX_FAILURES,
        duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      }),
    });
  }

  /** Throws 429 when the account has used up its failed attempts. */
  async assertNotBlocked(email: string): Promise<void> {
    let state: RateLimiterRes | null;
    try {
      state = await this.limiter.get(email);
    } catch (error) {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
      return;
    }
    if (state && state.consumedPoints >= this.config.LOGIN_MAX_FAILURES) throw this.blocked(state.msBeforeNext);
  }

  async recordFailure(email: string): Promise<void> {
    try {
      await this.limiter.penalty(email, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes))
        this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
    }
  }

  async reset(email: string): Promise<void> {
    await this.limiter.delete(email).catch((error: unknown) => {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
    });
  }

  private blocked(msBeforeNext: number): DomainError {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    return DomainError.rateLimited(
      'too_many_failed_logins',
      `Too many failed logins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      seconds,
    );
  }
}
