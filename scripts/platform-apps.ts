import type { ServiceName } from '@haven/contracts';

/** Every process `npm start` runs, in start order, with the built entry point of each. */
export const PLATFORM_APPS: { name: ServiceName | 'gateway'; entry: string; color: string }[] = [
  { name: 'accounts', entry: 'dist/apps/accounts/src/main.js', color: 'cyan' },
  { name: 'directory', entry: 'dist/apps/directory/src/main.js', color: 'magenta' },
  { name: 'booking', entry: 'dist/apps/booking/src/main.js', color: 'yellow' },
  { name: 'notifications', entry: 'dist/apps/notifications/src/main.js', color: 'blue' },
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', color: 'green' },
];
