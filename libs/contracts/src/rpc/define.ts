import type { ServiceName } from '../services';

/**
 * A typed request/reply contract. The pattern string is versioned (`<service>.v<major>.<name>`):
 * a breaking change to a request or response gets a new pattern, served side by side until every
 * caller has moved.
 */
export interface RpcContract<TRequest, TResponse> {
  readonly service: ServiceName;
  readonly pattern: string;
  /** Phantom fields: carry the types, never set at run time. */
  readonly request?: TRequest;
  readonly response?: TResponse;
}

export function defineRpc<TRequest, TResponse>(
  service: ServiceName,
  pattern: string,
): RpcContract<TRequest, TResponse> {
  return { service, pattern };
}

export type RpcRequestOf<C> = C extends RpcContract<infer R, unknown> ? R : never;
export type RpcResponseOf<C> = C extends RpcContract<unknown, infer R> ? R : never;
