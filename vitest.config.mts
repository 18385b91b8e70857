import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const alias = {
  '@haven/contracts': new URL('./libs/contracts/src', import.meta.url).pathname,
  '@haven/common': new URL('./libs/common/src', import.meta.url).pathname,
  '@haven/infrastructure': new URL('./libs/infrastructure/src', import.meta.url).pathname,
  '@haven/database': new URL('./libs/database/src', import.meta.url).pathname,
  '@haven/messaging': new URL('./libs/messaging/src', import.meta.url).pathname,
  '@haven/testing': new URL('./libs/testing/src', import.meta.url).pathname,
};

/**
 * E2E files that change what the whole platform does (Razorpay sandbox faults on every webhook,
 * reconciliation over every payment of a period): they run one at a time, after the files that
 * run side by side, on the same platform (tests/setup/e2e.global-setup.ts).
 */
const E2E_ALONE = [
  'tests/e2e/bookings-payments.e2e-spec.ts',
  'tests/e2e/finance.e2e-spec.ts',
  // Waits on a killed worker's lock to lapse and a new worker process to boot: timed out (40 s)
  // once beside two other files on 2 cores.
  'tests/e2e/notification-worker-kill.e2e-spec.ts',
];

// SWC emits the decorator metadata Nest's dependency injection reads; esbuild does not.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  resolve: { alias },
  test: {
    reporters: ['default'],
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
          environment: 'node',
          setupFiles: ['reflect-metadata'],
          // Unit specs hold no global state (no module mocks, no env or timer stubs): one module
          // graph per worker loads Nest, TypeORM and the rest once instead of once per file.
          isolate: false,
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          setupFiles: ['reflect-metadata'],
          include: ['apps/**/*.int-spec.ts', 'libs/**/*.int-spec.ts', 'scripts/**/*.int-spec.ts'],
          globalSetup: ['tests/setup/integration.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file on a database, vhost and Redis prefix of its own (named after the run's), so
          // they run beside the e2e files.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e',
          setupFiles: ['reflect-metadata'],
          include: ['tests/e2e/**/*.e2e-spec.ts'],
          exclude: E2E_ALONE,
          globalSetup: ['tests/setup/e2e.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Most of an e2e or integration file's time is spent waiting (holds lapsing, webhooks, jobs,
          // outages, a browser): three files at a time on 2 cores, each with users of its own.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e-alone',
          setupFiles: ['reflect-metadata'],
          include: E2E_ALONE,
          globalSetup: ['tests/setup/e2e.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
