/**
 * Domain errors travel from a service to the gateway as plain objects over RPC and are mapped to
 * HTTP there. `kind` decides the status code; `code` is a stable, machine-readable reason.
 */
export const ERROR_KINDS = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldError {
  field: string;
  message: string;
}

export interface RpcErrorPayload {
  kind: ErrorKind;
  code: string;
  message: string;
  details?: FieldError[];
  /** For `rate_limited`: when the caller may try again (sent as the Retry-After header). */
  retryAfterSeconds?: number;
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.kind === 'string' &&
    (ERROR_KINDS as readonly string[]).includes(candidate.kind) &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}
