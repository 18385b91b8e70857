import 'reflect-metadata';
import { loadOrCreateDevelopmentKeys } from '@haven/common';
import {
  ConfigError,
  CoreConfig,
  describeListenError,
  loadConfig,
  requireInfrastructure,
  runMain,
} from '@haven/infrastructure';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayConfig } from '../apps/gateway/src/config/gateway.config';
import { RazorpaySandboxConfig } from '../apps/razorpay-sandbox/src/config/razorpay-sandbox.config';
import { type BootstrapAdmin, prepareLocalEnvironment } from './local-env';
import { migrateAll } from './migrate';
import { type PlatformApp, platformApps, RAZORPAY_SANDBOX } from './platform-apps';
import { parseReplicas, replicasArgument, supervisedReplicas } from './replicas';
import { Supervisor } from './supervisor';

const READY_TIMEOUT_MS = 120_000;

/**
 * `npm start`: checks the configuration of every app, the gateway's port and the infrastructure,
 * migrates every schema, then runs every app as its own supervised process (restarted with backoff
 * when it crashes) and says once where the platform is ready. Ctrl-C or SIGTERM stops them all.
 * `npm start -- --replicas booking=2,gateway=2` (or HAVEN_REPLICAS) runs several of an app; gateway
 * replicas take consecutive ports from PORT.
 */
runMain(async () => {
  const admin = prepareLocalEnvironment();
  const apps = platformApps(process.env);
  requireValidConfiguration(apps);
  const replicas = parseReplicas(replicasArgument(process.argv.slice(2)) ?? process.env.HAVEN_REPLICAS, apps);
  const config = loadConfig(CoreConfig);
  const gateway = loadConfig(GatewayConfig);
  for (let index = 0; index < (replicas.get('gateway') ?? 1); index += 1) {
    await requirePortAvailable(gateway.PORT + index);
  }
  if (apps.includes(RAZORPAY_SANDBOX)) {
    await requirePortAvailable(loadConfig(RazorpaySandboxConfig).RAZORPAY_SANDBOX_PORT, 'RAZORPAY_SANDBOX_PORT');
  }
  await requireInfrastructure(config);
  await migrateAll(config.DATABASE_URL, (line) => console.warn(`[migrate] ${line}`));
  if (!process.env.JWT_PRIVATE_KEY && config.NODE_ENV !== 'production') loadOrCreateDevelopmentKeys();

  const supervisor = new Supervisor(supervisedReplicas(apps, replicas, gateway.PORT));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void supervisor.stop(0));
  supervisor.start();
  void announceWhenReady(`http://127.0.0.1:${gateway.PORT}`, gateway.publicUrl, admin);
  process.exit(await supervisor.done);
});

/** Every app's configuration at once, each bad variable named once, before anything starts. */
function requireValidConfiguration(apps: PlatformApp[]): void {
  const problems = new Set<string>();
  for (const app of apps) {
    try {
      loadConfig(app.config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      error.problems.forEach((problem) => problems.add(problem));
    }
  }
  if (problems.size > 0) throw new ConfigError([...problems]);
}

async function requirePortAvailable(port: number, variable = 'PORT'): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(describeListenError(error, port, variable)));
    server.listen(port, () => resolve());
  });
  await new Promise((resolve) => server.close(resolve));
}

/** Waits until the gateway reports every service and piece of infrastructure up, then says so once. */
async function announceWhenReady(localUrl: string, publicUrl: string, admin: BootstrapAdmin): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await healthy(localUrl))) {
    if (Date.now() > deadline) {
      console.warn(
        `Haven is not ready after ${READY_TIMEOUT_MS / 1000} s: ${localUrl}/api/v1/health names what is down.`,
      );
      return;
    }
    await sleep(500);
  }
  console.warn(`Haven is ready at ${publicUrl} (API docs: ${publicUrl}/docs, health: ${publicUrl}/api/v1/health)`);
  console.warn(adminHint(admin));
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

function adminHint(admin: BootstrapAdmin): string {
  switch (admin.source) {
    case 'env.example':
      return (
        `Log in as ${admin.email} with the development password BOOTSTRAP_ADMIN_PASSWORD from .env.example ` +
        `(created on the first start while no admin exists; set both in .env to choose your own).`
      );
    case 'environment':
      return `Log in as ${admin.email} with BOOTSTRAP_ADMIN_PASSWORD (created on start while no admin exists).`;
    case 'none':
      return 'No bootstrap admin is configured: create one with npm run create-admin -- --email ... --password ... --name ...';
  }
}
