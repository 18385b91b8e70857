export * from './advisory-lock';
export * from './column-transformers';
export * from './ensure-database';
export * from './service-data-source';
export * from './sql-errors';
export * from './service-database.module';
export * from './infrastructure-errors';
