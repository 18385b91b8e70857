import 'reflect-metadata';
import { loadConfig } from '@haven/infrastructure';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_PREFIX } from '../bootstrap';
import { GatewayConfig } from '../config/gateway.config';
import { GatewayModule } from '../gateway.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes the gateway's OpenAPI document to the file named on the command line (default
 * var/openapi.json) without any infrastructure: Nest's preview mode builds the module graph but
 * creates no provider, so nothing connects to Redis, RabbitMQ or PostgreSQL.
 */
async function main(): Promise<void> {
  const target = process.argv[2] ?? 'var/openapi.json';
  const config = loadConfig(GatewayConfig);
  const app = await NestFactory.create(GatewayModule.register(config), { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app, config.publicUrl);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not build the OpenAPI document: ${(error as Error).message}\n`);
  process.exit(1);
});
