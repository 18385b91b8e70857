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
import { loadConfig } from '@haven/common';
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
  const apps: Record<string, INestApplication> = {};
  const accounts = loadConfig(AccountsConfig, env);
  apps.accounts = await startServiceApp(AccountsModule.register(accounts), {
    service: 'accounts',
    consumesEvents: true,
    rabbitmqUrl: accounts.RABBITMQ_URL,
    logLevel: accounts.LOG_LEVEL,
  });
  const directory = loadConfig(DirectoryConfig, env);
  apps.directory = await startServiceApp(DirectoryModule.register(directory), {
    service: 'directory',
    consumesEvents: true,
    rabbitmqUrl: directory.RABBITMQ_URL,
    logLevel: directory.LOG_LEVEL,
  });
  const booking = loadConfig(BookingConfig, env);
  apps.booking = await startServiceApp(BookingModule.register(booking), {
    service: 'booking',
    consumesEvents: true,
    rabbitmqUrl: booking.RABBITMQ_URL,
    logLevel: booking.LOG_LEVEL,
  });
  const notifications = loadConfig(NotificationsConfig, env);
  apps.notifications = await startServiceApp(NotificationsModule.register(notifications), {
    service: 'notifications',
    consumesEvents: false,
    rabbitmqUrl: notifications.RABBITMQ_URL,
    logLevel: notifications.LOG_LEVEL,
  });
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
