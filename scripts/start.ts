import 'reflect-metadata';
import { checkInfrastructure, ConfigError, CoreConfig, loadConfig, loadOrCreateDevelopmentKeys } from '@haven/common';
import concurrently from 'concurrently';
import { existsSync } from 'node:fs';
import { migrateAll } from './migrate';
import { PLATFORM_APPS } from './platform-apps';

/**
 * `npm start`: checks the infrastructure, migrates every schema, then runs every app as its own
 * process with prefixed output. Ctrl-C stops them all.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(CoreConfig);
  const missing = await checkInfrastructure({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    rabbitmqUrl: config.RABBITMQ_URL,
  });
  if (missing.length > 0) {
    missing.forEach((line) => console.error(line));
    process.exit(1);
  }
  await migrateAll(config.DATABASE_URL, (line) => console.warn(`[migrate] ${line}`));
  if (!process.env.JWT_PRIVATE_KEY && config.NODE_ENV !== 'production') loadOrCreateDevelopmentKeys();

  const { result } = concurrently(
    PLATFORM_APPS.map((app) => ({ name: app.name, command: `node ${app.entry}`, prefixColor: app.color })),
    { prefix: 'name', killOthersOn: ['failure'], restartTries: 0 },
  );
  await result.catch(() => process.exit(1));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Start failed: ${(error as Error).message}`);
  process.exit(1);
});
