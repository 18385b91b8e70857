import type { SeededRandom } from './random';

export type FaultKind = 'sigkill' | 'sigterm' | 'rabbitmq-restart' | 'redis-restart' | 'webhook-drop';

export interface PlannedFault {
  /** Milliseconds after the load started. */
  at: number;
  kind: FaultKind;
  /** The replica signalled (`booking#2`), for sigkill and sigterm. */
  target?: string;
}

export type Profile = 'full' | 'short';

/**
 * When to inject what, spread over the middle of the load so each fault has traffic before and
 * after it. Full: SIGKILL a replica of every service and of the worker, a RabbitMQ restart, a Redis
 * restart, SIGTERM a gateway and a window of dropped webhooks. Short (CI): one of each kind.
 */
export function faultPlan(profile: Profile, durationMs: number, random: SeededRandom): PlannedFault[] {
  const replica = (app: string) => `${app}#${random.int(1, 3)}`;
  const faults: Omit<PlannedFault, 'at'>[] =
    profile === 'full'
      ? [
          { kind: 'sigkill', target: replica('booking') },
          { kind: 'sigkill', target: replica('accounts') },
          { kind: 'rabbitmq-restart' },
          { kind: 'sigkill', target: replica('notifications') },
          { kind: 'webhook-drop' },
          { kind: 'sigkill', target: replica('directory') },
          { kind: 'redis-restart' },
          { kind: 'sigterm', target: replica('gateway') },
          { kind: 'sigkill', target: replica('booking') },
        ]
      : [
          { kind: 'sigkill', target: replica('booking') },
          { kind: 'rabbitmq-restart' },
          { kind: 'redis-restart' },
          { kind: 'sigterm', target: replica('gateway') },
        ];
  const first = durationMs * 0.1;
  const span = durationMs * 0.75;
  return faults.map((fault, index) => ({
    ...fault,
    at: Math.round(first + (span * index) / Math.max(1, faults.length - 1)),
  }));
}

export function describeFault(fault: Omit<PlannedFault, 'at'>): string {
  switch (fault.kind) {
    case 'sigkill':
      return `SIGKILL ${fault.target}`;
    case 'sigterm':
      return `SIGTERM ${fault.target}`;
    case 'rabbitmq-restart':
      return 'RabbitMQ stop_app/start_app';
    case 'redis-restart':
      return 'Redis restart (data lost)';
    case 'webhook-drop':
      return 'webhooks dropped for 8 s';
  }
}
