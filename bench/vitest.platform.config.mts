import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('..', import.meta.url).pathname;
const alias = {
  '@haven/contracts': `${root}libs/contracts/src`,
  '@haven/common': `${root}libs/common/src`,
  '@haven/database': `${root}libs/database/src`,
  '@haven/messaging': `${root}libs/messaging/src`,
  '@haven/testing': `${root}libs/testing/src`,
};

/**
 * Benchmarks against a whole running platform (`npm run bench:bookings`, `npm run bench:notifications`):
 * each run boots its own platform on a fresh database, vhost and Redis prefix, like the e2e run,
 * and prints its figures. Not part of `npm test`.
 */
export default defineConfig({
  root,
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias },
  test: {
    include: ['bench/*.platform-bench.ts'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['bench/support/platform.global-setup.ts'],
    disableConsoleIntercept: true,
    fileParallelism: false,
    testTimeout: 20 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
