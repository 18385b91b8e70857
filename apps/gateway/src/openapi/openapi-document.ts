import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { IS_PUBLIC, REQUIRED_ROLES } from '../auth/auth.decorators';
import { ERROR_BODY_SCHEMA, ERROR_SCHEMA_NAME, FIELD_ERROR_SCHEMA, FIELD_ERROR_SCHEMA_NAME } from './error-schema';
import { addValidationLimits } from './validation-limits';

const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** What each error status means on any route; a route's own description wins. */
const ERROR_MEANINGS: Record<string, string> = {
  '400': 'Malformed input or a bad field; `details` names each one',
  '401': 'Missing, invalid, expired or stale access token',
  '403': 'The caller lacks the role this needs',
  '404': 'Nothing with that id (or not yours)',
  '415': 'The body is not JSON (send Content-Type: application/json)',
  '429': 'Too many requests (see Retry-After)',
  '503': 'A service behind the gateway is unavailable',
  '504': 'A service behind the gateway did not answer in time',
};

/**
 * The OpenAPI document of the public API, complete: every operation with its success and error
 * responses (one error schema), its security (`security: []` when public), and the limits the
 * validators enforce. Built from the module graph alone, so it needs no running infrastructure.
 */
export function buildOpenApiDocument(app: INestApplication, serverUrl: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Haven API')
      .setDescription(
        'Counselor marketplace and scheduling: the public REST contract. Errors share one shape ' +
          '(`ErrorBody`); text fields refuse control characters (multi-line ones such as `bio` allow ' +
          'line breaks) and ill-formed Unicode; bodies must be JSON objects.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://haven.example/terms')
      .addServer(serverUrl, 'This gateway')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
      .addSecurityRequirements(BEARER)
      .build(),
  );
  const routes = routeAccess(app);
  completeOperations(document, routes);
  addValidationLimits(document, new Map([...routes].map(([operationId, route]) => [operationId, route.argumentTypes])));
  return document;
}

interface RouteAccess {
  isPublic: boolean;
  hasRoles: boolean;
  /** The classes of the handler's arguments (its body and query DTOs among them). */
  argumentTypes: (new (...args: never[]) => unknown)[];
}

/** Each operation (by the operationId Nest gives it, `Controller_method`): public or not, roles, argument types. */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const method = (controller.prototype as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const read = (key: string): unknown => Reflect.getMetadata(key, method) ?? Reflect.getMetadata(key, controller);
        access.set(`${controller.name}_${name}`, {
          isPublic: read(IS_PUBLIC) === true,
          hasRoles: Array.isArray(read(REQUIRED_ROLES)),
          argumentTypes: (
            (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[]
          ).filter((type): type is new (...args: never[]) => unknown => typeof type === 'function'),
        });
      }
    }
  }
  return access;
}

function completeOperations(document: OpenAPIObject, access: Map<string, RouteAccess>): void {
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      [FIELD_ERROR_SCHEMA_NAME]: FIELD_ERROR_SCHEMA,
      [ERROR_SCHEMA_NAME]: ERROR_BODY_SCHEMA,
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = access.get(operation.operationId ?? '');
      if (!route) throw new Error(`No controller found for ${method.toUpperCase()} ${path}`);
      completeOperation(operation, path, route);
    }
  }
}

function completeOperation(operation: OperationObject, path: string, route: RouteAccess): void {
  const statuses = new Set(['400', '429', '503', '504']);
  if (route.isPublic) {
    operation.security = [];
  } else {
    operation.security = [{ [BEARER]: [] }];
    statuses.add('401');
  }
  if (route.hasRoles) statuses.add('403');
  if (operation.requestBody) statuses.add('415');
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const parameter of parameters) {
    if (parameter.in !== 'path') continue;
    statuses.add('404');
    // Every id in a path is a UUID; a malformed one is simply not found.
    if (parameter.name === 'id') parameter.schema = { type: 'string', format: 'uuid' };
  }
  if (path.endsWith('/health')) statuses.delete('429');
  for (const status of statuses) {
    operation.responses[status] ??= { description: ERROR_MEANINGS[status] };
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) < 400) continue;
    const errorResponse = response as ResponseObject;
    errorResponse.description ||= ERROR_MEANINGS[status] ?? 'Error';
    // A route may document its own body for an error (health's 503 has the health shape).
    if (errorResponse.content) continue;
    errorResponse.content = {
      'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } as SchemaObject },
    };
  }
}
