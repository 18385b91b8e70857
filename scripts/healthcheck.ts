import 'reflect-metadata';
import { CoreConfig, loadConfig } from '@haven/infrastructure';
import { healthPing, SERVICE_NAMES, type ServiceName } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Logger } from '@nestjs/common';

const TIMEOUT_MS = 5000;

/**
 * `node dist/scripts/healthcheck.js <app>`, a container healthcheck: exits 0 when the gateway or
 * the Razorpay sandbox answers HTTP, or when a service answers its health ping over RabbitMQ with
 * its database up.
 */
async function check(app: string): Promise<string | undefined> {
  if (app === 'gateway') {
    const port = process.env.PORT ?? '3000';
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.ok ? undefined : `gateway answered ${response.status}`;
  }
  if (app === 'razorpay-sandbox') {
    const port = process.env.RAZORPAY_SANDBOX_PORT ?? '4010';
    const response = await fetch(`http://127.0.0.1:${port}/sandbox/faults`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.ok ? undefined : `razorpay-sandbox answered ${response.status}`;
  }
  if (!SERVICE_NAMES.includes(app as ServiceName)) return `unknown app "${app}"`;
  const rpc = new RpcClient(loadConfig(CoreConfig).RABBITMQ_URL, TIMEOUT_MS);
  try {
    const reply = await rpc.send(healthPing(app as ServiceName), {});
    return reply.database === 'up' ? undefined : `${app} cannot reach its database`;
  } finally {
    await rpc.close();
  }
}

Logger.overrideLogger(false);
check(process.argv[2] ?? '').then(
  (problem) => {
    if (problem) console.error(problem);
    process.exit(problem ? 1 : 0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
