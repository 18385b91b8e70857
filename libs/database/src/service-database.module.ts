import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { openServiceDataSource, serviceDataSourceOptions, type ServiceDatabaseOptions } from './service-data-source';

/**
 * The service's one DataSource, on its own schema, migrated before anything uses it. It is named
 * after the schema (`@InjectRepository(Entity, 'booking')`), so several services can share a process
 * in tests without their DataSources colliding.
 */
export function serviceDatabaseModule(options: ServiceDatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    name: options.schema,
    useFactory: () => serviceDataSourceOptions(options),
    dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) =>
      openServiceDataSource({ ...(dataSourceOptions ?? serviceDataSourceOptions(options)), schema: options.schema }),
  });
}
