// Light helpers any test may use. What creates databases, vhosts and Redis prefixes (and so loads
// pg, amqplib and ioredis) is '@haven/testing/infrastructure', for integration and e2e setups only.
export * from './domain-errors';
export * from './tcp-proxy';
export * from './wait-for';
