import { createTestInfrastructure } from '@haven/testing/infrastructure';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { MailSink } from '../support/mail-sink';
import { startPlatform } from '../support/platform';

/** What tests `inject()` to reach a platform. */
type PlatformContext = Pick<
  ProvidedContext,
  'baseUrl' | 'razorpaySandboxUrl' | 'adminEmail' | 'adminPassword' | 'platformEnv' | 'mailSinkUrl'
>;

interface SharedPlatform {
  context: PlatformContext;
  stop(): Promise<void>;
  projects: number;
}

/**
 * Both e2e projects (the files that run side by side, then those that run alone; see
 * vitest.config.mts) run against one platform: their global setups run in this one process, and two
 * platforms here would share the decorator metadata of one class-validator, each other's DTOs
 * included. The platform is stopped with the last project's teardown.
 */
const SHARED = Symbol.for('haven.e2e.platform');
const holder = globalThis as { [SHARED]?: Promise<SharedPlatform> };

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  holder[SHARED] ??= startTestPlatform('e2e').then((started) => ({ ...started, projects: 0 }));
  const shared = await holder[SHARED];
  shared.projects += 1;
  provide(project, shared.context);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    delete holder[SHARED];
    await shared.stop();
  };
}

/**
 * A platform for a project of its own (the benchmarks', with some settings changed); resolves to
 * the teardown that stops it and drops its resources.
 */
export async function providePlatform(
  project: TestProject,
  label: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<() => Promise<void>> {
  const { context, stop } = await startTestPlatform(label, overrides);
  provide(project, context);
  return stop;
}

function provide(project: TestProject, context: PlatformContext): void {
  for (const [key, value] of Object.entries(context)) project.provide(key as keyof PlatformContext, value);
}

/** The whole platform on a fresh database, vhost and Redis prefix, with a mail sink and an admin. */
async function startTestPlatform(
  label: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<{ context: PlatformContext; stop(): Promise<void> }> {
  const infrastructure = await createTestInfrastructure(label);
  const mailSink = await MailSink.start();
  const keys = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const adminEmail = 'admin@haven.test';
  const adminPassword = `Admin-${randomBytes(8).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: infrastructure.databaseUrl,
    RABBITMQ_URL: infrastructure.rabbitmqUrl,
    REDIS_URL: infrastructure.redisUrl,
    REDIS_PREFIX: infrastructure.redisPrefix,
    JWT_PRIVATE_KEY: keys.privateKey,
    JWT_PUBLIC_KEY: keys.publicKey,
    BOOTSTRAP_ADMIN_EMAIL: adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    RATE_LIMIT_PER_MINUTE: '100000',
    // Razorpay sandbox timings short enough for tests.
    RAZORPAY_SANDBOX_WEBHOOK_RETRY_BASE_MS: '200',
    RAZORPAY_SANDBOX_WEBHOOK_RETRY_MAX_MS: '2000',
    RAZORPAY_SANDBOX_REFUND_PROCESSING_MS: '300',
    RAZORPAY_SANDBOX_POLL_MS: '100',
    // Payment holds short enough to watch them lapse; the sweep often enough to catch what jobs miss.
    BOOKING_HOLD_TTL_SECONDS: '8',
    BOOKING_SWEEP_INTERVAL_SECONDS: '2',
    SMTP_URL: mailSink.smtpUrl,
    MAIL_FROM: 'Haven <no-reply@haven.test>',
    ...overrides,
  };
  const platform = await startPlatform(env);
  return {
    context: {
      baseUrl: platform.baseUrl,
      razorpaySandboxUrl: platform.razorpaySandboxUrl,
      adminEmail,
      adminPassword,
      platformEnv: JSON.stringify({ ...env, RAZORPAY_API_URL: platform.razorpaySandboxUrl }),
      mailSinkUrl: mailSink.controlUrl,
    },
    stop: async () => {
      await platform.close();
      await mailSink.stop();
      await infrastructure.teardown();
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The Razorpay sandbox the platform's booking service uses. */
    razorpaySandboxUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** The environment the platform runs with, for tests that start an extra app (JSON). */
    platformEnv: string;
    /** The test SMTP server's control API (`tests/support/mail.ts`). */
    mailSinkUrl: string;
  }
}
