import { loadConfig } from '@haven/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { inject } from 'vitest';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config';

/** Another gateway replica on the platform's infrastructure, with some settings changed. */
export async function startExtraGateway(overrides: NodeJS.ProcessEnv): Promise<{ url: string; app: INestApplication }> {
  const env = { ...JSON.parse(inject('platformEnv')), ...overrides } as NodeJS.ProcessEnv;
  const app = await createGatewayApp(loadConfig(GatewayConfig, env));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${port}/api/v1`, app };
}
