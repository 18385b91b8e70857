import type { Actor } from '../auth';

/**
 * Every RPC body carries the caller and the request's correlation id next to the command, so
 * services never trust anything but what the gateway verified.
 */
export interface RpcRequest<TBody> {
  meta: RpcMeta;
  body: TBody;
}

export interface RpcMeta {
  correlationId: string;
  actor?: Actor;
}
