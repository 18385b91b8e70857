import 'reflect-metadata';
import { CoreConfig, loadConfig, loadOrCreateDevelopmentKeys, requireInfrastructure, runMain } from '@haven/common';
import concurrently from 'concurrently';
import { existsSync } from 'node:fs';
import { migrateAll } from './migrate';
import { platformApps } from './platform-apps';

/**
 * `npm start`: checks the infrastructure, migrates every schema, then runs every app as its own
 * process with prefixed output. Ctrl-C stops them all.
 */
runMain(async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(CoreConfig);
  await requireInfrastructure(config);
  await migrateAll(config.DATABASE_URL, (line) => console.warn(`[migrate] ${line}`));
  if (!process.env.JWT_PRIVATE_KEY && config.NODE_ENV !== 'production') loadOrCreateDevelopmentKeys();

  const { result } = concurrently(
    platformApps(process.env).map((app) => ({ name: app.name, command: `node ${app.entry}`, prefixColor: app.color })),
    { prefix: 'name', killOthersOn: ['failure'], restartTries: 0 },
  );
  await result.catch(() => process.exit(1));
});
