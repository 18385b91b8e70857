import 'reflect-metadata';
import { isLocalUrl, resolveRazorpayApiUrl } from '@haven/common';
import { type CoreConfig } from '@haven/infrastructure';
import type { ServiceName } from '@haven/contracts';
import type { styleText } from 'node:util';
import { AccountsConfig } from '../apps/accounts/src/config/accounts.config';
import { BookingConfig } from '../apps/booking/src/config/booking.config';
import { DirectoryConfig } from '../apps/directory/src/config/directory.config';
import { GatewayConfig } from '../apps/gateway/src/config/gateway.config';
import { NotificationsConfig } from '../apps/notifications/src/config/notifications.config';
import { RazorpaySandboxConfig } from '../apps/razorpay-sandbox/src/config/razorpay-sandbox.config';

export interface PlatformApp {
  name: ServiceName | 'gateway' | 'razorpay-sandbox';
  /** The built entry point, relative to the repository root. */
  entry: string;
  /** What the app validates at boot, so `npm start` can report bad variables before starting anything. */
  config: new () => CoreConfig;
  color: Parameters<typeof styleText>[0];
  /** Options to `node` itself, before the entry point. */
  nodeFlags?: readonly string[];
}

/**
 * V8's default heap lets an app hold garbage up to well past its live data before a full
 * collection: booking held 247 MB resident idle after computing 10,000 counselors' openings, of
 * which 40 MB was live (heap after a forced collection; 114 MB resident). A 128 MB old generation
 * (3× that live heap) and 8 MB semi-spaces (young generation 24 MB instead of 48) kept every app
 * under 150 MB resident through the HTTP bench (bench/http/RESULTS.md).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-old-space-size=128', '--max-semi-space-size=8'];

export const RAZORPAY_SANDBOX: PlatformApp = {
  name: 'razorpay-sandbox',
  entry: 'dist/apps/razorpay-sandbox/src/main.js',
  config: RazorpaySandboxConfig,
  color: 'gray',
};

/** The apps of the platform itself, in start order. */
export const PLATFORM_APPS: PlatformApp[] = [
  {
    name: 'accounts',
    entry: 'dist/apps/accounts/src/main.js',
    config: AccountsConfig,
    color: 'cyan',
    nodeFlags: SERVICE_NODE_FLAGS,
  },
  {
    name: 'directory',
    entry: 'dist/apps/directory/src/main.js',
    config: DirectoryConfig,
    color: 'magenta',
    nodeFlags: SERVICE_NODE_FLAGS,
  },
  {
    name: 'booking',
    entry: 'dist/apps/booking/src/main.js',
    config: BookingConfig,
    color: 'yellow',
    nodeFlags: SERVICE_NODE_FLAGS,
  },
  {
    name: 'notifications',
    entry: 'dist/apps/notifications/src/main.js',
    config: NotificationsConfig,
    color: 'blue',
    nodeFlags: SERVICE_NODE_FLAGS,
  },
  {
    name: 'gateway',
    entry: 'dist/apps/gateway/src/main.js',
    config: GatewayConfig,
    color: 'green',
    nodeFlags: SERVICE_NODE_FLAGS,
  },
];

/**
 * Every process `npm start` runs, in start order. The Razorpay sandbox runs when the services'
 * Razorpay API URL is on this machine (the default without a real key).
 */
export function platformApps(env: NodeJS.ProcessEnv): PlatformApp[] {
  return isLocalUrl(resolveRazorpayApiUrl(env)) ? [RAZORPAY_SANDBOX, ...PLATFORM_APPS] : PLATFORM_APPS;
}
