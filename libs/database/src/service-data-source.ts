import type { MixedList } from 'typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { withSessionLock } from './advisory-lock';

export interface ServiceDatabaseOptions {
  /** The PostgreSQL schema the service owns; nothing else reads or writes it. */
  schema: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
}

export function serviceDataSourceOptions(options: ServiceDatabaseOptions): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: options.poolSize ?? 10 },
    applicationName: `haven-${options.schema}`,
  };
}

/**
 * Brings the service's schema up to date. Safe with several replicas booting at once: the work runs
 * under a PostgreSQL advisory lock keyed by the schema, so one migrates and the others then find
 * nothing pending.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await withSessionLock(runner, { schema, subject: 'migrate' }, async () => {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    });
  } finally {
    await runner.release();
  }
}

/** Opens a DataSource for the service, migrating its schema first. */
export async function openServiceDataSource(options: DataSourceOptions & { schema: string }): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  await migrateSchema(dataSource, options.schema);
  return dataSource;
}
