import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DrainOptions {
  /** How long the server keeps serving, closing every socket after its response, before it stops listening. */
  drainMs?: number;
  /** The longest it then waits for requests in progress before cutting the sockets left. */
  inFlightBoundMs?: number;
}

/**
 * Stops an HTTP server without cutting a request a keep-alive client has just written on an idle
 * socket. Closing idle sockets straight away (what `server.close()` does) races such a request: the
 * client sees ECONNRESET. So first every response says `Connection: close` for `drainMs`, which makes
 * clients stop reusing their sockets; then the server stops listening, closes the sockets left idle
 * and waits (bounded) for requests in progress.
 */
export async function drainHttpServer(
  server: Server,
  { drainMs = 1_500, inFlightBoundMs = 5_000 }: DrainOptions = {},
): Promise<void> {
  server.prependListener('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  });
  // Responses already being written close their socket when they end.
  await sleep(drainMs);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const bound = new AbortController();
  const cutLeftovers = sleep(inFlightBoundMs, undefined, { signal: bound.signal }).then(
    () => server.closeAllConnections(),
    () => undefined,
  );
  await Promise.race([closed, cutLeftovers]);
  // Once closed, the bound's timer would only keep the process alive for nothing.
  bound.abort();
}
