import 'reflect-metadata';
import { CoreConfig, loadConfig, runMain } from '@haven/infrastructure';
import { ensureDatabaseExists, migrateSchema, serviceDataSourceOptions } from '@haven/database';
import { declareEventTopology } from '@haven/messaging';
import { DataSource } from 'typeorm';
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from '../apps/accounts/src/accounts.schema';
import { BOOKING_ENTITIES, BOOKING_MIGRATIONS } from '../apps/booking/src/booking.schema';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '../apps/directory/src/directory.schema';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../apps/notifications/src/notifications.schema';
import {
  RAZORPAY_SANDBOX_ENTITIES,
  RAZORPAY_SANDBOX_MIGRATIONS,
} from '../apps/razorpay-sandbox/src/razorpay-sandbox.module';

const SCHEMAS = [
  { schema: 'accounts', entities: ACCOUNTS_ENTITIES, migrations: ACCOUNTS_MIGRATIONS },
  { schema: 'directory', entities: DIRECTORY_ENTITIES, migrations: DIRECTORY_MIGRATIONS },
  { schema: 'booking', entities: BOOKING_ENTITIES, migrations: BOOKING_MIGRATIONS },
  { schema: 'notifications', entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS },
  // The development/test stand-in for Razorpay (apps/razorpay-sandbox) keeps its state here.
  { schema: 'razorpay_sandbox', entities: RAZORPAY_SANDBOX_ENTITIES, migrations: RAZORPAY_SANDBOX_MIGRATIONS },
];

/** Creates the database if needed and brings every service's schema up to date. */
export async function migrateAll(databaseUrl: string, log: (line: string) => void = console.warn): Promise<void> {
  await ensureDatabaseExists(databaseUrl);
  for (const { schema, entities, migrations } of SCHEMAS) {
    const dataSource = await new DataSource(
      serviceDataSourceOptions({ schema, url: databaseUrl, entities, migrations, poolSize: 2 }),
    ).initialize();
    try {
      const applied = await migrateSchema(dataSource, schema);
      log(`${schema}: ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'up to date'}`);
    } finally {
      await dataSource.destroy();
    }
  }
}

/** Declares every exchange, event queue, binding and dead-letter queue the contracts name. */
export async function declareBrokerTopology(
  rabbitmqUrl: string,
  log: (line: string) => void = console.warn,
): Promise<void> {
  await declareEventTopology(rabbitmqUrl, log);
  log('rabbitmq: event queues and bindings declared');
}

if (require.main === module) {
  runMain(async () => {
    const config = loadConfig(CoreConfig);
    await migrateAll(config.DATABASE_URL);
    await declareBrokerTopology(config.RABBITMQ_URL);
  });
}
