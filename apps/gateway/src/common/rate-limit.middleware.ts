import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { errorBody } from './error-body';

export interface RateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  pointsPerMinute: number;
  /** Paths that are never limited (health checks from load balancers). */
  exemptPaths: string[];
}

/**
 * Requests per minute per client address, counted in Redis so every gateway replica shares the
 * budget. If Redis is down, each replica falls back to counting in memory rather than failing open.
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

  return (req: Request, res: Response, next: NextFunction) => {
    if (options.exemptPaths.includes(req.path)) return next();
    limiter
      .consume(req.ip ?? 'unknown')
      .then((result) => {
        res.setHeader('RateLimit-Limit', options.pointsPerMinute);
        res.setHeader('RateLimit-Remaining', result.remainingPoints);
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
