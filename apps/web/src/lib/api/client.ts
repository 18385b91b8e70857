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

/** Requests that must not trigger a refresh when refused: they are the session itself. */
const SESSION_PATHS = /\/auth\/(refresh|login|register|password-reset)/;

/** A copy of each request in flight, so one refused with a stale token can be sent again. */
const replayable = new Map<string, Request>();

const bearerWithRefresh: Middleware = {
  onRequest({ request, id }) {
    const access = tokens.access();
    if (access) request.headers.set('authorization', `Bearer ${access}`);
    if (!SESSION_PATHS.test(request.url)) replayable.set(id, request.clone());
    return request;
  },
  // An expired or stale access token: refresh once (through the cookie) and replay with the new one.
  async onResponse({ response, id }) {
    const copy = replayable.get(id);
    replayable.delete(id);
    if (response.status !== 401 || !copy || tokens.access() === null) return response;
    const renewed = await renewSession();
    if (!renewed) return response;
    copy.headers.set('authorization', `Bearer ${renewed}`);
    return fetch(copy);
  },
  onError({ id }) {
    replayable.delete(id);
  },
};

/** The one typed client for the whole app, generated from the gateway's OpenAPI document. */
export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(bearerWithRefresh);

let renewing: Promise<string | null> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. The cookie rotates on every use and a second
 * use of the old one ends the session, so exchanges never overlap: one at a time in this tab, and
 * one at a time across this browser's tabs (a Web Lock), each tab sending the cookie as the last
 * exchange left it. Null when signed out.
 */
export function renewSession(): Promise<string | null> {
  renewing ??= (async () => {
    try {
      const exchange = () => api.POST('/api/v1/auth/refresh', { body: {} });
      const { data } = navigator.locks
        ? await navigator.locks.request('haven-session-refresh', exchange)
        : await exchange();
      if (!data) {
        tokens.clear();
        return null;
      }
      tokens.set(data);
      return data.accessToken;
    } catch {
      // Offline: a later request will try again; a page still restoring shows the signed-out state.
      if (tokens.status() === 'restoring') tokens.clear();
      return null;
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
