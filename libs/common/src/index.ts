export * from './config/core.config';
export * from './config/load-config';
export * from './errors/domain-error';
export * from './infrastructure/preflight';
export * from './logging/logger';
export * from './logging/request-context';
export * from './auth/jwt-keys';
export * from './infrastructure/run-main';
