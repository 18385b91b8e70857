import { isLocalUrl, resolveRazorpayApiUrl } from '@haven/common';
import type { ServiceName } from '@haven/contracts';

export interface PlatformApp {
  name: ServiceName | 'gateway' | 'razorpay-sandbox';
  entry: string;
  color: string;
}

const RAZORPAY_SANDBOX: PlatformApp = {
  name: 'razorpay-sandbox',
  entry: 'dist/apps/razorpay-sandbox/src/main.js',
  color: 'gray',
};

const PLATFORM_APPS: PlatformApp[] = [
  { name: 'accounts', entry: 'dist/apps/accounts/src/main.js', color: 'cyan' },
  { name: 'directory', entry: 'dist/apps/directory/src/main.js', color: 'magenta' },
  { name: 'booking', entry: 'dist/apps/booking/src/main.js', color: 'yellow' },
  { name: 'notifications', entry: 'dist/apps/notifications/src/main.js', color: 'blue' },
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', color: 'green' },
];

/**
 * Every process `npm start` runs, in start order, with the built entry point of each. The Razorpay
 * sandbox runs when the services' Razorpay API URL is on this machine (the default without a real key).
 */
export function platformApps(env: NodeJS.ProcessEnv): PlatformApp[] {
  const runsSandbox = isLocalUrl(resolveRazorpayApiUrl(env));
  return runsSandbox ? [RAZORPAY_SANDBOX, ...PLATFORM_APPS] : PLATFORM_APPS;
}
