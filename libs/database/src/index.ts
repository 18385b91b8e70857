export * from './ensure-database';
export * from './service-data-source';
export * from './sql-errors';
