export * from './auth';
export * from './errors';
export * from './events/envelope';
export * from './pagination';
export * from './rpc/define';
export * from './rpc/envelope';
export * from './rpc/health.rpc';
export * from './services';
