import { runWithCorrelationId } from '@haven/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Every response carries `x-request-id` (the client's, if it sent a sane one); the rest of the
 * request runs inside it, so it reaches every log line, RPC and event.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  runWithCorrelationId(requestId, next);
}
