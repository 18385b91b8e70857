import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DrainOptions {
  /** How long the server keeps serving, closing every socket after its response, before it stops listening. */
  drainMs?: number;
  /** The longest it then waits for requests in progress to finish by themselves. */
  inFlightBoundMs?: number;
  /**
   * Called once that bound has passed with requests still in progress: makes them answer now (an RPC
   * client abandoning its waiting calls turns each into a 503 the client can retry).
   */
  abandonInFlight?: () => void;
  /** How long the requests abandoned get to write that answer before their sockets are cut. */
  answerMs?: number;
}

/**
 * Stops an HTTP server without cutting a request a keep-alive client has just written on an idle
 * socket. Closing idle sockets straight away (what `server.close()` does) races such a request: the
 * client sees ECONNRESET. So first every response says `Connection: close` for `drainMs`, which makes
 * clients stop reusing their sockets; then the server stops listening, closes the sockets left idle
 * and waits (bounded) for requests in progress. A request still running at the bound is abandoned so
 * that it answers; only one that cannot answer even then has its socket cut.
 */
export async function drainHttpServer(
  server: Server,
  { drainMs = 1_500, inFlightBoundMs = 5_000, abandonInFlight, answerMs = 1_000 }: DrainOptions = {},
): Promise<void> {
  server.prependListener('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  });
  // Responses already being written close their socket when they end.
  await sleep(drainMs);
  const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')));
  server.closeIdleConnections();
  // Once closed, a pending bound's timer would only keep the process alive for nothing.
  const bounds = new AbortController();
  const bound = (ms: number) => sleep(ms, 'late' as const, { signal: bounds.signal }).catch(() => 'late' as const);
  try {
    if ((await Promise.race([closed, bound(inFlightBoundMs)])) === 'closed') return;
    if (abandonInFlight) {
      abandonInFlight();
      if ((await Promise.race([closed, bound(answerMs)])) === 'closed') return;
    }
    server.closeAllConnections();
  } finally {
    bounds.abort();
  }
}
