import {
  createLogger,
  drainHttpServer,
  type DrainOptions,
  JsonLogger,
  runAsService,
  runRequestsAsService,
} from '@haven/infrastructure';
import { RpcClient } from '@haven/messaging';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Express, NextFunction, Request, Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { accessLogMiddleware } from './common/access-log.middleware';
import { HttpErrorFilter } from './common/http-error.filter';
import { bodyTextGuard, jsonBodyParser, jsonContentTypeGuard, urlGuard } from './common/input/input-guard.middleware';
import { rateLimitMiddleware } from './common/rate-limit.middleware';
import { requestIdMiddleware } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation.pipe';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_REDIS, GatewayModule } from './gateway.module';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web/serve-web-app';
import { rootIndex } from './root-index';

export const API_PREFIX = 'api/v1';

/** Builds the gateway with everything that applies to every route; `listen` is the caller's. */
export function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  return runAsService('gateway', () => buildGatewayApp(config));
}

async function buildGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger('gateway', config.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger,
    bodyParser: false,
  });
  // Without a trusted proxy, X-Forwarded-For is ignored and the peer address is the client.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  app.use(runRequestsAsService('gateway'));
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // With real Razorpay keys the web app loads Razorpay Checkout, which pays inside its own frame.
          'script-src': ["'self'", 'https://checkout.razorpay.com'],
          'frame-src': ["'self'", 'https://api.razorpay.com', 'https://checkout.razorpay.com'],
        },
      },
    }),
  );
  // Search pages and month-long slot lists shrink to a fraction for clients that accept gzip or brotli.
  app.use(compression({ threshold: 1024 }));
  // Before the rate limiter: a page load fetches several assets, none of which reach a service.
  serveWebApp(app, config.WEB_DIST_DIR);
  if (config.CORS_ORIGINS) {
    const origins = config.CORS_ORIGINS.split(',').map((origin) => origin.trim());
    app.enableCors({ origin: origins.includes('*') ? true : origins, exposedHeaders: ['x-request-id', 'Retry-After'] });
  }
  const redis = app.get<Redis>(GATEWAY_REDIS as unknown as string);
  app.use(
    rateLimitMiddleware({
      redis,
      keyPrefix: `${config.REDIS_PREFIX}:ratelimit:ip`,
      pointsPerMinute: config.RATE_LIMIT_PER_MINUTE,
      exemptPaths: [`/${API_PREFIX}/health`],
    }),
  );
  // Malformed input is answered here, before routing, parsing or validation (see input-guard).
  app.use(urlGuard);
  app.use(jsonContentTypeGuard);
  app.use(jsonBodyParser());
  app.use(bodyTextGuard);
  // Only the web app's refresh cookie is read (accounts/refresh-cookie); nothing is signed with it.
  app.use(cookieParser());
  app.use(edgeErrors);

  (app.getHttpAdapter().getInstance() as Express).get('/', rootIndex);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());

  const document = buildOpenApiDocument(app, config.publicUrl);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  return app;
}

/**
 * What a gateway does when told to stop: tells keep-alive clients to stop reusing their sockets, stops
 * listening, lets requests in progress finish, and at the bound answers 503 (retry) for those still
 * waiting on a service (an RPC may wait longer than a supervisor gives a stopping process); then closes
 * its broker and Redis connections.
 */
export async function stopGateway(
  app: INestApplication,
  bounds: Pick<DrainOptions, 'drainMs' | 'inFlightBoundMs' | 'answerMs'> = {},
): Promise<void> {
  await drainHttpServer(app.getHttpServer(), {
    ...bounds,
    abandonInFlight: () => app.get(RpcClient).abandonWaitingCalls(),
  });
  await app.close();
}

/** Failures before routing (bad input, body parser errors) in the same error shape as everything else. */
function edgeErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  new HttpErrorFilter().catch(error, {
    switchToHttp: () => ({ getResponse: () => res }),
  } as never);
}
