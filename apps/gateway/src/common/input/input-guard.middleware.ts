import { type FieldError, textProblemIn } from '@haven/contracts';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { jsonShapeProblem, type JsonShapeLimits } from './json-shape';
import { pathProblem, queryStringProblem } from './text-check';

/*
 * Malformed input stops here, before routing, parsing or validation, the same way on every route:
 * each check answers 400 (or 415) in the API's error shape through the edge error handler.
 */

export const BODY_LIMITS: JsonShapeLimits & { maxBytes: number } = {
  maxBytes: 1024 * 1024,
  // The deepest real body (availability: overrides[].windows[].start) is 5 levels.
  maxDepth: 16,
  // 366 overrides with a dozen windows each stay well below.
  maxEntries: 20_000,
  // Our bodies have a dozen fields; a provider's webhook payload a few dozen.
  maxKeysPerObject: 200,
  // The longest real list is a year of date overrides (366).
  maxArrayLength: 1_000,
};

/** The path and the query string: valid percent-encoding of UTF-8, no control characters, each parameter once. */
export function urlGuard(req: Request, _res: Response, next: NextFunction): void {
  const url = req.originalUrl ?? req.url;
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const pathMessage = pathProblem(path);
  if (pathMessage) return next(invalid(pathMessage));
  const problem = queryStart < 0 ? undefined : queryStringProblem(url.slice(queryStart + 1));
  next(problem ? invalidField(problem) : undefined);
}

/** A body must be JSON; one sent as anything else, or with no type at all, is refused before it is read. */
export function jsonContentTypeGuard(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req) || isJson(req.headers['content-type'])) return next();
  next(
    new UnsupportedMediaTypeException({
      message: 'Request bodies must be JSON: send Content-Type: application/json',
      code: 'unsupported_media_type',
    }),
  );
}

/** express.json with the raw bytes checked (and kept for signature checks) before JSON.parse sees them. */
export function jsonBodyParser(): RequestHandler {
  return express.json({
    limit: BODY_LIMITS.maxBytes,
    // Any JSON value is parsed, so that a top-level array, null or number gets a clear 400 below.
    strict: false,
    verify: (req, _res, buffer) => {
      const problem = jsonShapeProblem(buffer, BODY_LIMITS);
      if (problem) {
        const { field, message } = problem;
        throw field ? invalidField({ field, message }) : invalid(message);
      }
      (req as Request & { rawBody?: Buffer }).rawBody = buffer;
    },
  });
}

/** A parsed body is an object whose every text (keys included) follows the text rules. */
export function bodyTextGuard(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === undefined) return next();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return next(invalid('The request body must be a JSON object'));
  }
  const problem = textProblemIn(body);
  next(problem ? invalidField(problem) : undefined);
}

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0].trim().toLowerCase() === 'application/json';
}

function invalid(message: string): BadRequestException {
  return new BadRequestException({ message, code: 'invalid_input' });
}

function invalidField(problem: FieldError): BadRequestException {
  return new BadRequestException({
    message: `${problem.field}: ${problem.message}`,
    details: [problem],
    code: 'validation_failed',
  });
}
