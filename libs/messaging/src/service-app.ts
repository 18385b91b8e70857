import type { ServiceName } from '@haven/contracts';
import {
  type CoreConfig,
  createLogger,
  exitGracefullyOnSignals,
  JsonLogger,
  loadConfig,
  requireInfrastructure,
  runAsService,
  runMain,
} from '@haven/infrastructure';
import { ensureDatabaseExists } from '@haven/database';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventAckInterceptor } from './events/event-ack.interceptor';
import { RpcRequestInterceptor } from './rpc/rpc-request.interceptor';
import { type ResilientServerRMQ, resilientRmqServer } from './rmq-server';
import { RpcErrorFilter } from './rpc/rpc-exception.filter';
import { declareEventTopology, eventServerOptions, rpcServerOptions } from './topology';

export interface ServiceAppOptions {
  service: ServiceName;
  rabbitmqUrl: string;
  /** Whether the service consumes domain events (it then gets its own durable event queue). */
  consumesEvents: boolean;
  logLevel?: string;
}

/** How long a stopping service waits for its in-flight RPCs and events before handing them back. */
export const DRAIN_TIMEOUT_MS = 6_000;

const SERVERS = new WeakMap<INestApplication, ResilientServerRMQ[]>();

/**
 * Creates and starts a backend service: the broker's event topology declared, no HTTP port, an RPC
 * server on its queue and, when it consumes events, an event server on `<service>.events`.
 */
export function startServiceApp(module: unknown, options: ServiceAppOptions): Promise<INestApplication> {
  return runAsService(options.service, () => createServiceApp(module, options));
}

async function createServiceApp(module: unknown, options: ServiceAppOptions): Promise<INestApplication> {
  const logger = new JsonLogger(createLogger(options.service, options.logLevel));
  // Before anything publishes or consumes: events published before their consumer first runs wait in its queue.
  await declareEventTopology(options.rabbitmqUrl, (line) => logger.log(line, 'Topology'));
  const app = await NestFactory.create(module as never, { logger, bufferLogs: false });
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcRequestInterceptor(), new EventAckInterceptor());
  const servers = [resilientRmqServer(rpcServerOptions(options.rabbitmqUrl, options.service))];
  if (options.consumesEvents) {
    servers.push(resilientRmqServer(eventServerOptions(options.rabbitmqUrl, options.service)));
  }
  for (const server of servers) app.connectMicroservice(server, { inheritAppConfig: true });
  SERVERS.set(
    app,
    servers.map((server) => server.strategy),
  );
  await app.init();
  await app.startAllMicroservices();
  return app;
}

/**
 * Stops a service without dropping work: it stops taking RPC requests and events, lets those in
 * progress finish and answer (at most DRAIN_TIMEOUT_MS; the rest go back to their queue for another
 * replica, nothing having been acked), then closes the app: job workers finish their active jobs,
 * the outbox relay stops, connections close.
 */
export async function stopServiceApp(app: INestApplication, logger?: JsonLogger): Promise<void> {
  const servers = SERVERS.get(app) ?? [];
  const left = await Promise.all(servers.map((server) => server.drain(DRAIN_TIMEOUT_MS)));
  const handedBack = left.reduce((sum, count) => sum + count, 0);
  if (handedBack > 0) logger?.warn(`${handedBack} deliveries still in progress go back to their queues`, 'Shutdown');
  await app.close();
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
    const app = await startServiceApp(options.module(config), {
      ...options,
      rabbitmqUrl: config.RABBITMQ_URL,
      logLevel: config.LOG_LEVEL,
    });
    const logger = new JsonLogger(createLogger(options.service, config.LOG_LEVEL));
    exitGracefullyOnSignals(() => stopServiceApp(app, logger), { log: (line) => logger.log(line, 'Shutdown') });
  });
}
