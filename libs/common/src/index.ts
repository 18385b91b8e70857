// Pure helpers every layer may use: no framework, no I/O, nothing but contracts, luxon and Node's
// own modules (npm run lint keeps it so). What runs a process (config, logging, connections) is
// @haven/infrastructure; RPC and event wiring is @haven/messaging.
export * from './auth/jwt-keys';
export * from './auth/opaque-token';
export * from './cache/expiring-value';
export * from './cache/invalidated-cache';
export * from './config/razorpay-defaults';
export * from './errors/domain-error';
export * from './input/field-errors';
export * from './input/rpc-input';
export * from './input/time-zone';
export * from './logging/request-context';
export * from './rules/state-machine';
