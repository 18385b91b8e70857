import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

/* The document the gateway serves at /docs-json: complete, and clean under Redocly's recommended rules. */

const run = promisify(execFile);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

async function servedDocument(): Promise<any> {
  const base = inject('baseUrl').replace(/\/api\/v1$/, '');
  return (await fetch(`${base}/docs-json`).then((response) => response.json())) as any;
}

function operations(document: any): { path: string; method: string; operation: any }[] {
  return Object.entries(document.paths).flatMap(([path, item]: [string, any]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}

describe('the served OpenAPI document', () => {
  it('passes Redocly’s recommended rules', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'haven-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      writeFileSync(file, JSON.stringify(await servedDocument()));
      const result = await run('node_modules/.bin/redocly', ['lint', '--config', 'redocly.yaml', file], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      }).catch((error: { stdout: string; stderr: string }) => error);
      expect(`${result.stdout}\n${result.stderr}`).toMatch(/Your API description is valid/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives every operation a security requirement, success and error responses in one error schema', async () => {
    const document = await servedDocument();
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(Object.keys(document.components.schemas.ErrorBody.properties)).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'details']),
    );
    for (const { path, method, operation } of operations(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.security, where).toBeDefined();
      expect(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        where,
      ).toBe(true);
      for (const [status, response] of Object.entries(operation.responses) as [string, any][]) {
        if (Number(status) < 400 || path.endsWith('/health')) continue;
        expect(response.content['application/json'].schema.$ref, `${where} ${status}`).toBe(
          '#/components/schemas/ErrorBody',
        );
      }
    }
    const login = document.paths['/api/v1/auth/login'].post;
    expect(login.security).toEqual([]);
    const slots = document.paths['/api/v1/counselors/{id}/slots'].get;
    expect(slots.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/SlotsDto');
    expect(slots.parameters.find((parameter: any) => parameter.name === 'id').schema.format).toBe('uuid');
  });

  it('states the limits, integer types and formats the validators enforce', async () => {
    const { schemas } = (await servedDocument()).components;
    expect(schemas.CreateOfferingDto.properties.pricePaise).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 10_000_000,
    });
    expect(schemas.CreateOfferingDto.properties.title).toMatchObject({ maxLength: 120 });
    expect(schemas.CreateApplicationDto.properties.displayName).toMatchObject({ minLength: 2, maxLength: 80 });
    expect(schemas.CreateApplicationDto.properties.qualifications).toMatchObject({ minItems: 1, maxItems: 20 });
    expect(schemas.RegisterDto.properties.email.format).toBe('email');
    expect(schemas.CreateTimeOffDto.properties.startsAt.format).toBe('date-time');
    expect(schemas.OfferingDto.properties.durationMinutes.type).toBe('integer');
    expect(schemas.AvailabilityDto.properties.weekly.maxItems).toBe(50);
  });
});
