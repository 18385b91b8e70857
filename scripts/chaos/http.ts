import { request } from 'node:http';

/** What one HTTP call ended with: a status, or how it failed before one arrived. */
export type Outcome = number | 'refused' | 'cut' | 'hang';

export interface CallRecord {
  kind: string;
  outcome: Outcome;
  startedAt: number;
  ms: number;
  gateway: number;
  /** What a 4xx said (its message), to tell expected refusals from broken requests. */
  refusal?: string;
}

/** Response bodies as the chaos client reads them: it drives the API from outside, like any client. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = Json> {
  outcome: Outcome;
  body: T;
}

/** How long a client waits for an answer: the gateway promises 503/504 well within this. */
export const HANG_AFTER_MS = 20_000;

/**
 * A client of the gateways as a load balancer would spread it: calls go to the gateways in rotation,
 * and a refused connection (a gateway restarting) moves on to the next one. A fresh connection per
 * call, so a gateway that shuts down never sees a request on a connection it is closing.
 */
export class GatewayClient {
  readonly calls: CallRecord[] = [];
  private next = 0;
  private readonly outOfRotation = new Set<number>();

  constructor(readonly gateways: string[]) {}

  /**
   * What an orchestrator does before it stops a gateway (a rolling deploy, a scale-down): no new
   * calls go to it; calls already sent finish while it drains. Without this, a connection still in
   * the kernel's accept queue when the gateway stops listening is reset, which no server can avoid.
   */
  takeOutOfRotation(gateway: number): void {
    this.outOfRotation.add(gateway);
  }

  putBackInRotation(gateway: number): void {
    this.outOfRotation.delete(gateway);
  }

  private pickGateway(): number {
    for (let tried = 0; tried < this.gateways.length; tried += 1) {
      const gateway = this.next++ % this.gateways.length;
      if (!this.outOfRotation.has(gateway)) return gateway;
    }
    return this.next++ % this.gateways.length;
  }

  async call<T = Json>(
    kind: string,
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    for (let attempt = 0; attempt < this.gateways.length * 2; attempt += 1) {
      const gateway = this.pickGateway();
      const startedAt = Date.now();
      const reply = await send<T>(`${this.gateways[gateway]}/api/v1${path}`, method, options);
      const refusal =
        typeof reply.outcome === 'number' && reply.outcome >= 400 && reply.outcome < 500
          ? `${reply.outcome} ${String((reply.body as { message?: unknown } | undefined)?.message ?? '').slice(0, 70)}`
          : undefined;
      this.calls.push({ kind, outcome: reply.outcome, startedAt, ms: Date.now() - startedAt, gateway, refusal });
      if (reply.outcome !== 'refused') return reply;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { outcome: 'refused', body: undefined as T };
  }
}

/** One HTTP request with a JSON body, never throwing: failures come back as an outcome. */
export function send<T = Json>(
  url: string,
  method: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reply: Reply<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(reply);
    };
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => finish({ outcome: 'cut', body: undefined as T }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON
        }
        finish({ outcome: res.statusCode ?? 0, body: body as T });
      });
    });
    const timer = setTimeout(() => {
      finish({ outcome: 'hang', body: undefined as T });
      req.destroy();
    }, HANG_AFTER_MS);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ outcome: error.code === 'ECONNREFUSED' ? 'refused' : 'cut', body: undefined as T }),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
