import 'reflect-metadata';
import {
  describeListenError,
  exitGracefullyOnSignals,
  loadConfig,
  requireInfrastructure,
  runMain,
} from '@haven/infrastructure';
import { Logger } from '@nestjs/common';
import { createGatewayApp, stopGateway } from './bootstrap';
import { GatewayConfig } from './config/gateway.config';

runMain(async () => {
  const config = loadConfig(GatewayConfig);
  await requireInfrastructure(config);
  const app = await createGatewayApp(config);
  await app.listen(config.PORT).catch((error: unknown) => {
    throw describeListenError(error, config.PORT);
  });
  const logger = new Logger('Shutdown');
  exitGracefullyOnSignals(() => stopGateway(app), { log: (line) => logger.log(line) });
});
