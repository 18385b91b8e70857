import type { Actor, Role } from '@haven/contracts';
import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';

export const IS_PUBLIC = 'haven:public';
export const REQUIRED_ROLES = 'haven:roles';

/** The route needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route needs an access token carrying at least one of `roles`. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `Needs role: ${roles.join(' or ')}` }),
  );
}

/** Documents that a route needs a bearer token (every non-public route does). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description:
        'Missing, invalid or expired access token, or one issued before the user’s roles or active flag changed (code token_stale: refresh it)',
    }),
  );

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The verified caller; only on routes that are not @Public(). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** The caller if a valid token was sent, on routes open to anyone. */
export const OptionalActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
