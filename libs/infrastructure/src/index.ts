// What runs a process around the rules: validated config, structured logs, the start-up check of
// PostgreSQL, Redis and RabbitMQ, fail-fast connections and probes.
export * from './config/core.config';
export * from './config/public-url.config';
export * from './config/load-config';
export * from './logging/logger';
export * from './postgres-probe';
export * from './preflight';
export * from './redis';
export * from './rights-version';
export * from './run-main';
export * from './graceful-shutdown';
export * from './drain-http-server';
export * from './jobs/kept-job-scheduler';
