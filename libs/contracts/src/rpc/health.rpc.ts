/** Answered by every service; used by the gateway's aggregated health check. */
export const HEALTH_PING = 'health.v1.ping';

export interface HealthPingResponse {
  service: string;
  database: 'up' | 'down';
}
