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

/**
 * The `code`s one service answers with, grouped by the kind that decides their HTTP status. Codes
 * reach HTTP clients unchanged: a code string never changes in place.
 */
export type ErrorCatalogue = { readonly [K in ErrorKind]?: readonly string[] };

/** The codes of kind `K` in `C`. */
export type CodesOf<C extends ErrorCatalogue, K extends ErrorKind = ErrorKind> = K extends keyof C
  ? C[K] extends readonly (infer Code)[]
    ? Code
    : never
  : never;

/** Codes any service may answer with: its input, its caller, its own state. */
export const COMMON_ERRORS = {
  validation: ['validation_failed'],
  unauthenticated: ['unauthenticated'],
  forbidden: ['forbidden'],
  unavailable: ['deadline_exceeded', 'infrastructure_unavailable'],
  internal: ['internal_error'],
} as const satisfies ErrorCatalogue;

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
