import type { ServiceName } from '../services';

/** What travels on the `haven.events` topic exchange; the routing key is `type`. */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: ServiceName;
  correlationId: string;
  data: TData;
}

/**
 * A typed event contract. `type` is the routing key. Adding optional fields keeps the version;
 * removing or changing a field means a new contract with `version + 1` and a new type
 * (`<name>.v2`), published alongside the old one until every consumer has moved.
 */
export interface EventContract<TData> {
  readonly type: string;
  readonly version: number;
  readonly data?: TData;
}

export function defineEvent<TData>(type: string, version = 1): EventContract<TData> {
  return { type, version };
}

export type EventDataOf<C> = C extends EventContract<infer D> ? D : never;
