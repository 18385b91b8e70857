import 'reflect-metadata';
import {
  describeListenError,
  drainHttpServer,
  exitGracefullyOnSignals,
  loadConfig,
  requireInfrastructure,
  runMain,
} from '@haven/infrastructure';
import { Logger } from '@nestjs/common';
import { createGatewayApp } from './bootstrap';
import { GatewayConfig } from './config/gateway.config';

runMain(async () => {
  const config = loadConfig(GatewayConfig);
  await requireInfrastructure(config);
  const app = await createGatewayApp(config);
  await app.listen(config.PORT).catch((error: unknown) => {
    throw describeListenError(error, config.PORT);
  });
  // Tells keep-alive clients to stop reusing their sockets, stops listening, lets requests in progress
  // finish (their RPCs are answered or time out), then closes its broker and Redis connections.
  const logger = new Logger('Shutdown');
  exitGracefullyOnSignals(
    async () => {
      await drainHttpServer(app.getHttpServer());
      await app.close();
    },
    { log: (line) => logger.log(line) },
  );
});
