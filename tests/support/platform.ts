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
import type { ServiceName } from '@haven/contracts';
import { type CoreConfig, loadConfig } from '@haven/common';
import { startServiceApp } from '@haven/messaging';
import type { INestApplication } from '@nestjs/common';

export interface RunningPlatform {
  baseUrl: string;
  apps: Record<string, INestApplication>;
  close(): Promise<void>;
}

/**
 * The whole platform in this process, against real PostgreSQL, Redis and RabbitMQ: every service
 * on its own queues, and the gateway on a free port. Tests talk to it over HTTP only.
 */
export async function startPlatform(env: NodeJS.ProcessEnv): Promise<RunningPlatform> {
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
    notifications: await startService('notifications', false, NotificationsConfig, (c) =>
      NotificationsModule.register(c),
    ),
  };
  const gatewayConfig = loadConfig(GatewayConfig, env);
  const gateway = await createGatewayApp(gatewayConfig);
  await gateway.listen(0, '127.0.0.1');
  apps.gateway = gateway;
  const address = gateway.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}/api/v1`,
    apps,
    async close() {
      for (const app of [gateway, apps.notifications, apps.booking, apps.directory, apps.accounts]) {
        await app.close().catch(() => undefined);
      }
    },
  };
}
