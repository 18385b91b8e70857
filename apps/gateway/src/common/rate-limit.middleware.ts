import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { errorBody } from './error-body';
import { type KnownBudget, mayProceedBeforeCount } from './rate-limit-budget';

export interface RateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  pointsPerMinute: number;
  /** Paths that are never limited (health checks from load balancers). */
  exemptPaths: string[];
}

/** Clients remembered per replica before the memory of their budgets starts afresh. */
const MAX_KNOWN_CLIENTS = 50_000;

/**
 * Requests per minute per client address, counted in Redis so every gateway replica shares the
 * budget. If Redis is down, each replica falls back to counting in memory rather than failing open.
 * A client far from its limit does not wait for Redis's round trip (see `mayProceedBeforeCount`).
 */
export function rateLimitMiddleware(options: RateLimitOptions): RequestHandler {
  const logger = new Logger('RateLimit');
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: options.keyPrefix,
    points: options.pointsPerMinute,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ points: options.pointsPerMinute, duration: 60 }),
  });
  const known = new Map<string, KnownBudget>();
  const remember = (client: string, result: RateLimiterRes): void => {
    if (known.size >= MAX_KNOWN_CLIENTS && !known.has(client)) known.clear();
    known.set(client, { remaining: result.remainingPoints, resetsAt: Date.now() + result.msBeforeNext });
  };
  const setBudgetHeaders = (res: Response, remaining: number): void => {
    res.setHeader('RateLimit-Limit', options.pointsPerMinute);
    res.setHeader('RateLimit-Remaining', Math.max(0, remaining));
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (options.exemptPaths.includes(req.path)) return next();
    const client = req.ip ?? 'unknown';
    const budget = known.get(client);
    const proceedNow = mayProceedBeforeCount(budget, options.pointsPerMinute, Date.now());
    const counted = limiter.consume(client).then(
      (result) => {
        remember(client, result);
        return result;
      },
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) remember(client, rejection);
        throw rejection;
      },
    );
    if (proceedNow) {
      budget!.remaining -= 1;
      setBudgetHeaders(res, budget!.remaining);
      // The count still lands in Redis; a failure to count is logged like any other.
      counted.catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes))
          logger.warn(`rate limiter unavailable: ${(rejection as Error).message}`);
      });
      return next();
    }
    counted
      .then((result) => {
        setBudgetHeaders(res, result.remainingPoints);
        next();
      })
      .catch((rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          res.setHeader('Retry-After', retryAfter);
          res.status(429).json(errorBody(429, `Too many requests; retry in ${retryAfter} s`, { code: 'rate_limited' }));
          return;
        }
        logger.warn(`rate limiter unavailable, letting the request through: ${(rejection as Error).message}`);
        next();
      });
  };
}
