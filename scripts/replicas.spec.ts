import { ConfigError } from '@haven/infrastructure';
import { describe, expect, it } from 'vitest';
import { PLATFORM_APPS, RAZORPAY_SANDBOX } from './platform-apps';
import { parseReplicas, replicasArgument, supervisedReplicas } from './replicas';

const APPS = [RAZORPAY_SANDBOX, ...PLATFORM_APPS];

function problemsOf(spec: string): string[] {
  try {
    parseReplicas(spec, APPS);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('npm start --replicas', () => {
  it('runs every app once unless told otherwise', () => {
    expect(Object.fromEntries(parseReplicas(undefined, APPS))).toEqual({
      'razorpay-sandbox': 1,
      accounts: 1,
      directory: 1,
      booking: 1,
      notifications: 1,
      gateway: 1,
    });
  });

  it('takes counts per app, and reads --replicas in either spelling', () => {
    const counts = parseReplicas(replicasArgument(['--replicas', 'booking=2, gateway=3']), APPS);
    expect(counts.get('booking')).toBe(2);
    expect(counts.get('gateway')).toBe(3);
    expect(counts.get('accounts')).toBe(1);
    expect(replicasArgument(['--replicas=notifications=2'])).toBe('notifications=2');
    expect(replicasArgument(['--other'])).toBeUndefined();
  });

  it('names each bad entry: unknown app, a count out of range, malformed, a second sandbox', () => {
    expect(problemsOf('bookings=2,booking=0,gateway=9,accounts,razorpay-sandbox=2')).toEqual([
      expect.stringContaining('there is no app "bookings"'),
      expect.stringContaining('booking=0 must be between 1 and 8'),
      expect.stringContaining('gateway=9 must be between 1 and 8'),
      expect.stringContaining('"accounts" is not <app>=<count>'),
      expect.stringContaining('razorpay-sandbox runs once'),
    ]);
  });

  it('gives gateway replicas consecutive ports and numbers the replicas of an app', () => {
    const counts = parseReplicas('gateway=2,booking=2', APPS);
    const supervised = supervisedReplicas(APPS, counts, 3000);
    expect(supervised.map((app) => app.name)).toEqual([
      'razorpay-sandbox',
      'accounts',
      'directory',
      'booking#1',
      'booking#2',
      'notifications',
      'gateway#1',
      'gateway#2',
    ]);
    expect(supervised.filter((app) => app.name.startsWith('gateway')).map((app) => app.env?.PORT)).toEqual([
      '3000',
      '3001',
    ]);
    expect(supervised.find((app) => app.name === 'booking#2')?.env).toBeUndefined();
  });
});
