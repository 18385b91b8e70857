import { createLogger, JsonLogger, runAsService, runRequestsAsService } from '@haven/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { RazorpayErrorFilter } from './api/razorpay-error.filter';
import { RazorpaySandboxConfig } from './config/razorpay-sandbox.config';
import { RazorpaySandboxModule } from './razorpay-sandbox.module';

/** Builds the sandbox with its error shape and JSON body rules; `listen` is the caller's. */
export function createRazorpaySandboxApp(config: RazorpaySandboxConfig): Promise<INestApplication> {
  return runAsService('razorpay-sandbox', () => buildRazorpaySandboxApp(config));
}

async function buildRazorpaySandboxApp(config: RazorpaySandboxConfig): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger('razorpay-sandbox', config.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(RazorpaySandboxModule.register(config), {
    logger,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(runRequestsAsService('razorpay-sandbox'));
  app.useBodyParser('json', { limit: '1mb' });
  app.use(jsonBodyErrors);
  app.useGlobalFilters(new RazorpayErrorFilter());
  return app;
}

/** Malformed or oversized JSON bodies in Razorpay's error shape. */
function jsonBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  new RazorpayErrorFilter().catch(error, { switchToHttp: () => ({ getResponse: () => res }) } as never);
}
