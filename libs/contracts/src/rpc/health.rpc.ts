import type { ServiceName } from '../services';
import { defineRpc, type RpcContract } from './define';

/** Answered by every service; used by the gateway's aggregated health check. */
export const HEALTH_PING = 'health.v1.ping';

export interface HealthPingResponse {
  service: string;
  database: 'up' | 'down';
  /** Events waiting in the service's dead-letter queue; null when the broker could not say. */
  deadLetters: number | null;
  /** Events written to the service's outbox and not yet published; null when the database could not say. */
  outbox: OutboxBacklog | null;
}

export interface OutboxBacklog {
  unpublished: number;
  /** Age of the oldest unpublished event; null when there is none. */
  oldestAgeSeconds: number | null;
}

export function healthPing(service: ServiceName): RpcContract<Record<string, never>, HealthPingResponse> {
  return defineRpc(service, HEALTH_PING);
}
