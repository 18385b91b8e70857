import type { ServiceName } from '@haven/contracts';
import { createLogger, JsonLogger } from '@haven/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventAckInterceptor } from './events/event-ack.interceptor';
import { RpcContextInterceptor } from './rpc/rpc-context.interceptor';
import { RpcErrorFilter } from './rpc/rpc-exception.filter';
import { eventServerOptions, rpcServerOptions } from './topology';

export interface ServiceAppOptions {
  service: ServiceName;
  rabbitmqUrl: string;
  /** Whether the service consumes domain events (it then gets its own durable event queue). */
  consumesEvents: boolean;
}

/**
 * Creates and starts a backend service: no HTTP port, an RPC server on its queue and, when it
 * consumes events, an event server on `<service>.events`.
 */
export async function startServiceApp(module: unknown, options: ServiceAppOptions): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger(options.service));
  const app = await NestFactory.create(module as never, { logger, bufferLogs: false });
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcContextInterceptor(), new EventAckInterceptor());
  app.connectMicroservice(rpcServerOptions(options.rabbitmqUrl, options.service), { inheritAppConfig: true });
  if (options.consumesEvents) {
    app.connectMicroservice(eventServerOptions(options.rabbitmqUrl, options.service), { inheritAppConfig: true });
  }
  app.enableShutdownHooks();
  await app.init();
  await app.startAllMicroservices();
  return app;
}
