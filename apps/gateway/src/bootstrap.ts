import { createLogger, JsonLogger } from '@haven/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { accessLogMiddleware } from './common/access-log.middleware';
import { HttpErrorFilter } from './common/http-error.filter';
import { rateLimitMiddleware } from './common/rate-limit.middleware';
import { requestIdMiddleware } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation.pipe';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_REDIS, GatewayModule } from './gateway.module';
import { rootIndex } from './root-index';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = '1mb';

/** Builds the gateway with everything that applies to every route; `listen` is the caller's. */
export async function createGatewayApp(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger('gateway', config.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger,
    bodyParser: false,
    rawBody: true,
  });
  // Without a trusted proxy, X-Forwarded-For is ignored and the peer address is the client.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware);
  app.use(helmet());
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
  // JSON only, at most 1 MB; the raw bytes are kept for webhook signature checks.
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(jsonBodyErrors);

  (app.getHttpAdapter().getInstance() as Express).get('/', rootIndex);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Haven API')
      .setDescription('Counselor marketplace and scheduling: the public REST contract')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  return app;
}

/** Body parser failures (too large, malformed JSON) in the same error shape as everything else. */
function jsonBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  new HttpErrorFilter().catch(error, {
    switchToHttp: () => ({ getResponse: () => res }),
  } as never);
}
