import type { ServiceName } from '../services';
import { defineRpc, type RpcContract } from './define';

/** Answered by every service; used by the gateway's aggregated health check. */
export const HEALTH_PING = 'health.v1.ping';

export interface HealthPingResponse {
  service: string;
  database: 'up' | 'down';
}

export function healthPing(service: ServiceName): RpcContract<Record<string, never>, HealthPingResponse> {
  return defineRpc(service, HEALTH_PING);
}
