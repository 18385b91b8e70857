import { loadConfig } from '@haven/infrastructure';
import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { RazorpayPayments, type RazorpaySettings } from '../../apps/booking/src/payments/razorpay/razorpay-payments';
import { createRazorpaySandboxApp } from '../../apps/razorpay-sandbox/src/bootstrap';
import { RazorpaySandboxConfig } from '../../apps/razorpay-sandbox/src/config/razorpay-sandbox.config';

export const SANDBOX_CREDENTIALS = {
  keyId: 'rzp_test_havensandbox',
  keySecret: 'sandbox_key_secret_not_for_production',
  webhookSecret: 'sandbox_webhook_secret_not_for_production',
};

/** The booking service's adapter pointed at a sandbox, with test-sized timeouts and retries. */
export function sandboxAdapter(apiUrl: string, overrides: Partial<RazorpaySettings> = {}): RazorpayPayments {
  return new RazorpayPayments({
    ...SANDBOX_CREDENTIALS,
    apiUrl,
    timeoutMs: 3000,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    ...overrides,
  });
}

/** Calls a sandbox-only endpoint (no auth); returns status and parsed body. */
export async function sandboxCall(baseUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined, text };
}

export interface ReceivedWebhook {
  at: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: any;
}

/** A tiny HTTP endpoint that records webhooks and answers with `respond(webhook)` (default 200). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (webhook: ReceivedWebhook) => number = () => 200;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const webhook = { at: Date.now(), headers: request.headers, raw, body: JSON.parse(raw.toString()) };
      const status = this.respond(webhook);
      if (status >= 200 && status < 300) this.received.push(webhook);
      else this.refused.push(webhook);
      response.writeHead(status).end();
    });
  });
  readonly refused: ReceivedWebhook[] = [];

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}/webhooks/razorpay`;
  }

  /** Accepted webhooks about one payment or order, in arrival order. */
  about(id: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.raw.includes(id));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A sandbox of the test's own, on its own database, so its faults and webhook target touch no
 * other test; `restart()` closes the app and starts it again on the same database.
 */
export class PrivateSandbox {
  url = '';
  private app: INestApplication | undefined;

  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly databaseUrl: string,
  ) {}

  static async start(baseEnv: NodeJS.ProcessEnv, webhookUrl: string): Promise<PrivateSandbox> {
    const database = new URL(baseEnv.DATABASE_URL!);
    database.pathname = `/haven_test_rzp_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const databaseUrl = database.toString();
    await ensureDatabaseExists(databaseUrl);
    const sandbox = new PrivateSandbox(
      {
        ...baseEnv,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
        RAZORPAY_SANDBOX_WEBHOOK_URL: webhookUrl,
        RAZORPAY_SANDBOX_WEBHOOK_RETRY_BASE_MS: '300',
        RAZORPAY_SANDBOX_WEBHOOK_RETRY_MAX_MS: '2000',
        RAZORPAY_SANDBOX_REFUND_PROCESSING_MS: '300',
        RAZORPAY_SANDBOX_POLL_MS: '50',
      },
      databaseUrl,
    );
    await sandbox.open();
    return sandbox;
  }

  async restart(): Promise<void> {
    await this.app?.close();
    await this.open();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await dropDatabase(this.databaseUrl);
  }

  private async open(): Promise<void> {
    this.app = await createRazorpaySandboxApp(loadConfig(RazorpaySandboxConfig, this.env));
    await this.app.listen(0, '127.0.0.1');
    this.url = `http://127.0.0.1:${(this.app.getHttpServer().address() as { port: number }).port}`;
  }
}
