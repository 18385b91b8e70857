import 'reflect-metadata';
import { checkInfrastructure, ConfigError, loadConfig } from '@haven/common';
import { createGatewayApp } from './bootstrap';
import { GatewayConfig } from './config/gateway.config';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const missing = await checkInfrastructure({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    rabbitmqUrl: config.RABBITMQ_URL,
  });
  if (missing.length > 0) {
    missing.forEach((line) => console.error(line));
    process.exit(1);
  }
  const app = await createGatewayApp(config);
  await app.listen(config.PORT);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
