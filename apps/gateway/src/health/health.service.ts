import { healthPing, type HealthPingResponse, SERVICE_NAMES, type ServiceName } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InfrastructureProbe } from './infrastructure.probe';
import { SharedProbe } from './shared-probe';

type Status = 'up' | 'down';
const PING_TIMEOUT_MS = 2000;
/** How long one aggregated check answers every caller: /health is public and must not fan out per call. */
export const HEALTH_FRESH_MS = 2000;

/** What a service reports beyond up/down; null when it did not answer. */
export type ServiceHealthDetails = Omit<HealthPingResponse, 'service'> | null;

export interface HealthReport {
  status: 'ok' | 'degraded';
  services: Record<string, Status>;
  details: Record<ServiceName, ServiceHealthDetails>;
}

/** Every service and piece of infrastructure, asked at most once per `HEALTH_FRESH_MS` whoever asks. */
@Injectable()
export class HealthService {
  private readonly shared = new SharedProbe(() => this.check(), HEALTH_FRESH_MS);

  constructor(
    private readonly rpc: RpcClient,
    private readonly infrastructure: InfrastructureProbe,
  ) {}

  report(): Promise<HealthReport> {
    return this.shared.get();
  }

  private async check(): Promise<HealthReport> {
    const [pings, postgres, redis] = await Promise.all([
      Promise.all(SERVICE_NAMES.map(async (service) => [service, await this.ping(service)] as const)),
      this.infrastructure.postgres(),
      this.infrastructure.redis(),
    ]);
    const rabbitmq = this.infrastructure.rabbitmq();
    const services: Record<string, Status> = {
      ...Object.fromEntries(pings.map(([service, reply]) => [service, reply?.database === 'up' ? 'up' : 'down'])),
      postgres,
      redis,
      rabbitmq,
    };
    const details = Object.fromEntries(
      pings.map(([service, reply]) => [
        service,
        reply ? { database: reply.database, deadLetters: reply.deadLetters, outbox: reply.outbox } : null,
      ]),
    ) as Record<ServiceName, ServiceHealthDetails>;
    const healthy = Object.values(services).every((status) => status === 'up');
    return { status: healthy ? 'ok' : 'degraded', services, details };
  }

  private async ping(service: ServiceName): Promise<HealthPingResponse | undefined> {
    try {
      return await this.rpc.send(healthPing(service), {}, { timeoutMs: PING_TIMEOUT_MS });
    } catch {
      return undefined;
    }
  }
}
