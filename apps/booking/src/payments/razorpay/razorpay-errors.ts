/** What went wrong talking to Razorpay, in a form callers can branch on; never the raw SDK shape. */
export abstract class RazorpayError extends Error {
  /** Whether trying the same call again later may succeed. */
  abstract readonly retryable: boolean;
}

/** Razorpay answered and refused the request (4xx): fix the request, do not retry it as is. */
export class RazorpayRequestError extends RazorpayError {
  readonly retryable = false;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly description: string,
    readonly field?: string,
    readonly details: { source?: string; step?: string; reason?: string } = {},
  ) {
    super(`Razorpay refused the request (${statusCode} ${code}): ${description}${field ? ` [${field}]` : ''}`);
    this.name = 'RazorpayRequestError';
  }
}

/** Razorpay did not accept our key id and secret. */
export class RazorpayAuthenticationError extends RazorpayRequestError {
  constructor(statusCode: number, code: string, description: string) {
    super(statusCode, code, description);
    this.name = 'RazorpayAuthenticationError';
  }
}

/** Razorpay could not be reached, timed out, or answered 5xx/429: the outcome is unknown or deferred. */
export class RazorpayUnavailableError extends RazorpayError {
  readonly retryable = true;

  constructor(
    readonly reason: string,
    readonly statusCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`Razorpay is unavailable: ${reason}`, options);
    this.name = 'RazorpayUnavailableError';
  }
}

interface RazorpayErrorBody {
  code?: unknown;
  description?: unknown;
  field?: unknown;
  source?: unknown;
  step?: unknown;
  reason?: unknown;
}

/**
 * Classifies whatever a Razorpay call threw:
 * - the SDK's rejection `{statusCode, error: {code, description, field, …}}` (a plain object);
 * - the SDK's `TypeError` when there was no response at all (its normalizeError reads
 *   `err.response.status` of a network error or timeout);
 * - an axios error from the direct `api.rq` calls (`response.status`/`response.data.error`, or no response).
 */
export function toRazorpayError(error: unknown): RazorpayError {
  if (error instanceof RazorpayError) return error;
  const response = httpResponseOf(error);
  if (response) {
    const { statusCode, body } = response;
    if (statusCode >= 500 || statusCode === 429) {
      return new RazorpayUnavailableError(`HTTP ${statusCode}${describe(body)}`, statusCode, { cause: error });
    }
    const code = typeof body?.code === 'string' ? body.code : 'BAD_REQUEST_ERROR';
    const description = typeof body?.description === 'string' ? body.description : `HTTP ${statusCode}`;
    if (statusCode === 401) return new RazorpayAuthenticationError(statusCode, code, description);
    return new RazorpayRequestError(statusCode, code, description, optionalString(body?.field), {
      source: optionalString(body?.source),
      step: optionalString(body?.step),
      reason: optionalString(body?.reason),
    });
  }
  const reason = error instanceof Error ? `${error.name}: ${networkCode(error) ?? error.message}` : String(error);
  return new RazorpayUnavailableError(`no response (${reason})`, undefined, { cause: error });
}

function httpResponseOf(error: unknown): { statusCode: number; body?: RazorpayErrorBody } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const sdk = error as { statusCode?: unknown; error?: unknown };
  if (typeof sdk.statusCode === 'number') {
    return { statusCode: sdk.statusCode, body: (sdk.error ?? undefined) as RazorpayErrorBody | undefined };
  }
  const axios = error as { response?: { status?: unknown; data?: { error?: unknown } } };
  if (typeof axios.response?.status === 'number') {
    return { statusCode: axios.response.status, body: axios.response.data?.error as RazorpayErrorBody | undefined };
  }
  return undefined;
}

function describe(body: RazorpayErrorBody | undefined): string {
  return typeof body?.description === 'string' ? ` ${body.description}` : '';
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function networkCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
