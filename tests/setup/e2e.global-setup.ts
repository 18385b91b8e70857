import { createTestInfrastructure, type TestInfrastructure } from '@haven/testing/infrastructure';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { MailSink } from '../support/mail-sink';
import { type RunningPlatform, startPlatform } from '../support/platform';

let infrastructure: TestInfrastructure | undefined;
let platform: RunningPlatform | undefined;
let mailSink: MailSink | undefined;

/** Boots the whole platform once for the e2e run, on a fresh database, vhost and Redis prefix. */
export async function setup(project: TestProject): Promise<void> {
  await providePlatform(project, 'e2e');
}

/**
 * The platform the e2e tests run against (also the benchmarks', with some settings changed), and
 * what tests `inject()` to reach it.
 */
export async function providePlatform(
  project: TestProject,
  label: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<void> {
  infrastructure = await createTestInfrastructure(label);
  mailSink = await MailSink.start();
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
  platform = await startPlatform(env);
  project.provide('baseUrl', platform.baseUrl);
  project.provide('razorpaySandboxUrl', platform.razorpaySandboxUrl);
  project.provide('adminEmail', adminEmail);
  project.provide('adminPassword', adminPassword);
  project.provide('platformEnv', JSON.stringify({ ...env, RAZORPAY_API_URL: platform.razorpaySandboxUrl }));
  project.provide('mailSinkUrl', mailSink.controlUrl);
}

export async function teardown(): Promise<void> {
  await platform?.close();
  await mailSink?.stop();
  await infrastructure?.teardown();
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
