import type { ServiceName } from '@haven/contracts';
import {
  type CoreConfig,
  createLogger,
  JsonLogger,
  loadConfig,
  requireInfrastructure,
  runMain,
} from '@haven/infrastructure';
import { ensureDatabaseExists } from '@haven/database';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventAckInterceptor } from './events/event-ack.interceptor';
import { RpcRequestInterceptor } from './rpc/rpc-request.interceptor';
import { resilientRmqServer } from './rmq-server';
import { RpcErrorFilter } from './rpc/rpc-exception.filter';
import { declareEventTopology, eventServerOptions, rpcServerOptions } from './topology';

export interface ServiceAppOptions {
  service: ServiceName;
  rabbitmqUrl: string;
  /** Whether the service consumes domain events (it then gets its own durable event queue). */
  consumesEvents: boolean;
  logLevel?: string;
}

/**
 * Creates and starts a backend service: the broker's event topology declared, no HTTP port, an RPC
 * server on its queue and, when it consumes events, an event server on `<service>.events`.
 */
export async function startServiceApp(module: unknown, options: ServiceAppOptions): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger(options.service, options.logLevel));
  // Before anything publishes or consumes: events published before their consumer first runs wait in its queue.
  await declareEventTopology(options.rabbitmqUrl, (line) => logger.log(line, 'Topology'));
  const app = await NestFactory.create(module as never, { logger, bufferLogs: false });
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcRequestInterceptor(), new EventAckInterceptor());
  app.connectMicroservice(resilientRmqServer(rpcServerOptions(options.rabbitmqUrl, options.service)), {
    inheritAppConfig: true,
  });
  if (options.consumesEvents) {
    app.connectMicroservice(resilientRmqServer(eventServerOptions(options.rabbitmqUrl, options.service)), {
      inheritAppConfig: true,
    });
  }
  app.enableShutdownHooks();
  await app.init();
  await app.startAllMicroservices();
  return app;
}

export interface ServiceMainOptions<TConfig extends CoreConfig> extends Omit<ServiceAppOptions, 'rabbitmqUrl'> {
  config: new () => TConfig;
  module: (config: TConfig) => unknown;
}

/**
 * The whole `main` of a backend service: validated config, a clear line per missing piece of
 * infrastructure instead of a stack trace, the database created if missing, then the app.
 */
export function runServiceMain<TConfig extends CoreConfig>(options: ServiceMainOptions<TConfig>): void {
  runMain(async () => {
    const config = loadConfig(options.config);
    await requireInfrastructure(config);
    await ensureDatabaseExists(config.DATABASE_URL);
    await startServiceApp(options.module(config), {
      ...options,
      rabbitmqUrl: config.RABBITMQ_URL,
      logLevel: config.LOG_LEVEL,
    });
  });
}
