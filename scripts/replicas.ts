import { ConfigError } from '@haven/infrastructure';
import type { PlatformApp } from './platform-apps';
import type { SupervisedApp } from './supervisor';

export const MAX_REPLICAS = 8;

/** Apps that listen on a fixed port of their own and therefore run once. */
const SINGLE_INSTANCE = new Set<string>(['razorpay-sandbox']);

/**
 * Replica counts from `--replicas booking=2,gateway=2` (or `HAVEN_REPLICAS` with the same syntax):
 * every app not named runs once. Unknown apps, counts outside 1–8 and a second sandbox are refused
 * with a message naming the entry.
 */
export function parseReplicas(spec: string | undefined, apps: readonly PlatformApp[]): Map<string, number> {
  const counts = new Map(apps.map((app) => [app.name as string, 1]));
  const problems: string[] = [];
  for (const entry of (spec ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)$/.exec(entry);
    if (!match) {
      problems.push(`--replicas: "${entry}" is not <app>=<count>`);
      continue;
    }
    const [, name, count] = match;
    const replicas = Number(count);
    if (!counts.has(name)) {
      problems.push(`--replicas: there is no app "${name}" (one of ${[...counts.keys()].join(', ')})`);
    } else if (replicas < 1 || replicas > MAX_REPLICAS) {
      problems.push(`--replicas: ${name}=${count} must be between 1 and ${MAX_REPLICAS}`);
    } else if (replicas > 1 && SINGLE_INSTANCE.has(name)) {
      problems.push(`--replicas: ${name} runs once (it is a development stand-in on one port)`);
    } else {
      counts.set(name, replicas);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return counts;
}

/** The value of `--replicas <spec>` or `--replicas=<spec>` among the arguments, if any. */
export function replicasArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--replicas') return argv[index + 1];
    if (arg.startsWith('--replicas=')) return arg.slice('--replicas='.length);
  }
  return undefined;
}

/**
 * One supervised process per replica. Replicas of an app are named `<app>#<n>` when there is more
 * than one. Gateway replicas listen on consecutive ports from `gatewayPort` (put a load balancer in
 * front of them, as in production); the services need no port, they compete for their queues.
 */
export function supervisedReplicas(
  apps: readonly PlatformApp[],
  counts: ReadonlyMap<string, number>,
  gatewayPort: number,
): SupervisedApp[] {
  return apps.flatMap((app) => {
    const replicas = counts.get(app.name) ?? 1;
    return Array.from({ length: replicas }, (_, index) => ({
      name: replicas > 1 ? `${app.name}#${index + 1}` : app.name,
      args: [...(app.nodeFlags ?? []), app.entry],
      color: app.color,
      ...(app.name === 'gateway' ? { env: { PORT: String(gatewayPort + index) } } : {}),
    }));
  });
}
