import 'reflect-metadata';
import { describeListenError, loadConfig, requireInfrastructure, runMain } from '@haven/infrastructure';
import { createGatewayApp } from './bootstrap';
import { GatewayConfig } from './config/gateway.config';

runMain(async () => {
  const config = loadConfig(GatewayConfig);
  await requireInfrastructure(config);
  const app = await createGatewayApp(config);
  await app.listen(config.PORT).catch((error: unknown) => {
    throw describeListenError(error, config.PORT);
  });
});
