export * from './domain-errors';
export * from './tcp-proxy';
export * from './test-infrastructure';
export * from './wait-for';
