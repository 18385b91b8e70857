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
  /** Unique per request (set by the RPC client): a redelivered request carries the same one. */
  requestId?: string;
  /**
   * When the caller stops waiting (epoch milliseconds, set by the RPC client). A service does not
   * start work on a request past its deadline: nobody would receive the answer.
   */
  deadline?: number;
}
