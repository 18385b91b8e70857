import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('Http');

/**
 * One line per request. It logs the matched route pattern, never the raw path or query, which may
 * carry secrets (the ICS feed token, a reset token in a link).
 */
export function accessLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const route = (req.route as { path?: string } | undefined)?.path;
    logger.log({
      method: req.method,
      route: route ? `${req.baseUrl}${route}` : 'unmatched',
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
    });
  });
  next();
}
