import 'reflect-metadata';
import {
  checkInfrastructure,
  exitGracefullyOnSignals,
  InfrastructureUnavailableError,
  loadConfig,
  runMain,
} from '@haven/infrastructure';
import { ensureDatabaseExists } from '@haven/database';
import { createRazorpaySandboxApp } from './bootstrap';
import { RazorpaySandboxConfig } from './config/razorpay-sandbox.config';

runMain(async () => {
  const config = loadConfig(RazorpaySandboxConfig);
  // PostgreSQL is all the sandbox needs.
  const missing = await checkInfrastructure({ databaseUrl: config.DATABASE_URL });
  if (missing.length > 0) throw new InfrastructureUnavailableError(missing);
  await ensureDatabaseExists(config.DATABASE_URL);
  const app = await createRazorpaySandboxApp(config);
  await app.listen(config.RAZORPAY_SANDBOX_PORT);
  exitGracefullyOnSignals(() => app.close());
});
