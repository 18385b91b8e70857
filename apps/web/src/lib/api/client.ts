import createClient, { type Middleware } from 'openapi-fetch';
import { tokens } from '../tokens';
import type { paths } from './schema';

/** The error body every failing API call returns (see the gateway's error filter). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message || `Request failed (${status})`);
  }
}

const refreshOnStaleToken: Middleware = {
  async onRequest({ request }) {
    const access = tokens.access();
    if (access) request.headers.set('authorization', `Bearer ${access}`);
    return request;
  },
  // A stale or expired access token: refresh once and replay. The retry carries the new token.
  async onResponse({ request, response }) {
    if (response.status !== 401 || request.url.includes('/auth/') || !tokens.refresh()) return response;
    const renewed = await renewSession();
    if (!renewed) return response;
    const retry = new Request(request);
    retry.headers.set('authorization', `Bearer ${renewed}`);
    return fetch(retry);
  },
};

/** The one typed client for the whole app, generated from the gateway's OpenAPI document. */
export const api = createClient<paths>();
api.use(refreshOnStaleToken);

let renewing: Promise<string | null> | null = null;

/** One refresh at a time; resolves to the new access token, or null (signed out) if refused. */
function renewSession(): Promise<string | null> {
  renewing ??= (async () => {
    try {
      const refreshToken = tokens.refresh();
      if (!refreshToken) return null;
      const { data } = await api.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (!data) {
        tokens.clear();
        return null;
      }
      tokens.set(data);
      return data.accessToken;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/** Returns the data of an openapi-fetch result, or throws an ApiError the UI can show. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (response.ok) return data as NonNullable<T>;
  const body = (error ?? {}) as Partial<ApiErrorBody>;
  throw new ApiError(response.status, {
    statusCode: response.status,
    error: body.error ?? response.statusText,
    message: body.message ?? 'Something went wrong. Please try again.',
    code: body.code,
    details: body.details,
  });
}
