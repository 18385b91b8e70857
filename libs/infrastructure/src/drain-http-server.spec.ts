import { Agent, createServer, request, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { drainHttpServer } from './drain-http-server';

interface Outcome {
  completed: number;
  refusedBeforeWriting: number;
  cut: string[];
}

/** Requests in a loop over keep-alive sockets until the server refuses a connection. */
async function keepRequesting(port: number, agent: Agent, outcome: Outcome): Promise<void> {
  for (;;) {
    const result = await new Promise<'ok' | 'refused' | string>((resolve) => {
      const req = request({ port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.complete ? 'ok' : 'incomplete response'));
        res.on('error', (error) => resolve(error.message));
      });
      // A connection still in the listen backlog when the server stops listening is reset during
      // connect, or right after the request was written on it: like a refusal, the server never read
      // a request from it, and no server can prevent it (the kernel resets what it queued). What
      // draining must prevent is a request cut on a socket the server kept open for reuse.
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === 'ECONNREFUSED' ||
            error.syscall === 'connect' ||
            (error.code === 'ECONNRESET' && !req.reusedSocket)
            ? 'refused'
            : `${error.code ?? ''} ${error.message} (reused socket: ${req.reusedSocket})`,
        ),
      );
      req.end();
    });
    if (result === 'ok') outcome.completed += 1;
    else if (result === 'refused') return void (outcome.refusedBeforeWriting += 1);
    else outcome.cut.push(result);
    await sleep(1);
  }
}

function listen(): Promise<Server> {
  return listenWith((_request, response) => {
    setTimeout(() => response.end('ok'), 2);
  });
}

async function listenWith(handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** One request on a fresh socket: its status and body, or the error that ended it. */
function ask(server: Server): Promise<{ status?: number; body?: string; error?: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const req = request({ port, path: '/', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.end();
  });
}

describe('draining an HTTP server on shutdown', () => {
  it('cuts no request of keep-alive clients that keep requesting while it stops', async () => {
    const server = await listen();
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const outcome: Outcome = { completed: 0, refusedBeforeWriting: 0, cut: [] };
    const clients = Array.from({ length: 8 }, () => keepRequesting(port, agent, outcome));
    await sleep(200);
    await drainHttpServer(server, { drainMs: 300, inFlightBoundMs: 1_000 });
    await Promise.all(clients);
    agent.destroy();
    expect(outcome.cut).toEqual([]);
    expect(outcome.completed).toBeGreaterThan(20);
    expect(outcome.refusedBeforeWriting).toBe(8);
  });

  it('makes a request still running at the bound answer (a 503 to retry) instead of cutting its socket', async () => {
    const abandon = new Set<() => void>();
    const server = await listenWith((_request, response) => {
      // Stands for a handler awaiting an RPC that the RPC client abandons on shutdown.
      abandon.add(() => {
        response.statusCode = 503;
        response.end('retry');
      });
    });
    const answer = ask(server);
    await sleep(50);

    await drainHttpServer(server, {
      drainMs: 10,
      inFlightBoundMs: 200,
      abandonInFlight: () => abandon.forEach((answerNow) => answerNow()),
    });

    expect(await answer).toEqual({ status: 503, body: 'retry' });
    expect(server.listening).toBe(false);
  });

  it('cuts a request that does not answer even once abandoned, after the answer bound', async () => {
    const server = await listenWith(() => undefined);
    const answer = ask(server);
    await sleep(50);
    const startedAt = Date.now();

    await drainHttpServer(server, {
      drainMs: 10,
      inFlightBoundMs: 100,
      abandonInFlight: () => undefined,
      answerMs: 100,
    });

    expect(await answer).toEqual({ error: 'ECONNRESET' });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it('leaves no timer behind once the server has closed, so the process can exit at once', async () => {
    const server = await listenWith((_request, response) => response.end('ok'));
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();

    await drainHttpServer(server, { drainMs: 10, inFlightBoundMs: 60_000 });

    expect(server.listening).toBe(false);
    expect(timers()).toBe(before);
  });
});
