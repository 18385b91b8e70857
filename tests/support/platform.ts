import { AccountsConfig } from '../../apps/accounts/src/config/accounts.config';
import { AccountsModule } from '../../apps/accounts/src/accounts.module';
import { BookingConfig } from '../../apps/booking/src/config/booking.config';
import { BookingModule } from '../../apps/booking/src/booking.module';
import { DirectoryConfig } from '../../apps/directory/src/config/directory.config';
import { DirectoryModule } from '../../apps/directory/src/directory.module';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config';
import { NotificationsConfig } from '../../apps/notifications/src/config/notifications.config';
import { NotificationsModule } from '../../apps/notifications/src/notifications.module';
import { createRazorpaySandboxApp } from '../../apps/razorpay-sandbox/src/bootstrap';
import { RazorpaySandboxConfig } from '../../apps/razorpay-sandbox/src/config/razorpay-sandbox.config';
import type { ServiceName } from '@haven/contracts';
import { type CoreConfig, loadConfig } from '@haven/infrastructure';
import { startServiceApp } from '@haven/messaging';
import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';

export interface RunningPlatform {
  baseUrl: string;
  /** The Razorpay sandbox the booking service talks to (no trailing slash). */
  razorpaySandboxUrl: string;
  apps: Record<string, INestApplication>;
  /** Stops one app (the booking service or the Razorpay sandbox): the rest keeps running. */
  stop(app: RestartableApp): Promise<void>;
  /** Starts it again, on the same queues, database and (the sandbox) port. */
  start(app: RestartableApp): Promise<void>;
  close(): Promise<void>;
}

export type RestartableApp = 'booking' | 'razorpaySandbox';

/**
 * The whole platform in this process, against real PostgreSQL, Redis and RabbitMQ: every service
 * on its own queues, and the gateway on a free port. Tests talk to it over HTTP only.
 */
export async function startPlatform(
  platformEnv: NodeJS.ProcessEnv,
  options: { withoutNotifications?: boolean } = {},
): Promise<RunningPlatform> {
  // The sandbox starts last (it needs the gateway's URL for webhooks); booking needs its URL first.
  const sandboxPort = await freePort();
  const razorpaySandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const env: NodeJS.ProcessEnv = { ...platformEnv, RAZORPAY_API_URL: razorpaySandboxUrl };

  async function startService<C extends CoreConfig>(
    service: ServiceName,
    consumesEvents: boolean,
    schema: new () => C,
    register: (config: C) => unknown,
  ): Promise<INestApplication> {
    const config = loadConfig(schema, env);
    return startServiceApp(register(config), {
      service,
      consumesEvents,
      rabbitmqUrl: config.RABBITMQ_URL,
      logLevel: config.LOG_LEVEL,
    });
  }

  const apps: Record<string, INestApplication> = {
    accounts: await startService('accounts', true, AccountsConfig, (c) => AccountsModule.register(c)),
    directory: await startService('directory', true, DirectoryConfig, (c) => DirectoryModule.register(c)),
    booking: await startService('booking', true, BookingConfig, (c) => BookingModule.register(c)),
  };
  // Left out when a test runs it as a process of its own (to kill it).
  if (!options.withoutNotifications) {
    apps.notifications = await startService('notifications', true, NotificationsConfig, (c) =>
      NotificationsModule.register(c),
    );
  }
  const gatewayConfig = loadConfig(GatewayConfig, env);
  const gateway = await createGatewayApp(gatewayConfig);
  await gateway.listen(0, '127.0.0.1');
  apps.gateway = gateway;
  const address = gateway.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}/api/v1`;
  const startSandbox = async () => {
    const sandbox = await createRazorpaySandboxApp(
      loadConfig(RazorpaySandboxConfig, {
        ...env,
        RAZORPAY_SANDBOX_PORT: String(sandboxPort),
        RAZORPAY_SANDBOX_WEBHOOK_URL: `${baseUrl}/webhooks/razorpay`,
      }),
    );
    await sandbox.listen(sandboxPort, '127.0.0.1');
    return sandbox;
  };
  apps.razorpaySandbox = await startSandbox();
  const starters: Record<RestartableApp, () => Promise<INestApplication>> = {
    booking: () => startService('booking', true, BookingConfig, (c) => BookingModule.register(c)),
    razorpaySandbox: startSandbox,
  };
  return {
    baseUrl,
    razorpaySandboxUrl,
    apps,
    async stop(app) {
      await apps[app]?.close();
      delete apps[app];
    },
    async start(app) {
      apps[app] ??= await starters[app]();
    },
    async close() {
      for (const name of ['gateway', 'razorpaySandbox', 'notifications', 'booking', 'directory', 'accounts']) {
        await apps[name]?.close().catch(() => undefined);
      }
    },
  };
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
