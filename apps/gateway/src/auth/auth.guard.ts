import type { Role } from '@haven/contracts';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { RightsVersionCheck } from './rights-version.check';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() then
 * narrows who may call it (403 for a valid token without the role). A token issued before its
 * user's roles or active flag last changed is refused with 401 `token_stale` (the client refreshes
 * and gets the current roles); on a public route it is ignored like an invalid one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly rights: RightsVersionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearerToken(request.header('authorization'));

    const verified = token ? await this.verifier.verify(token) : undefined;
    const stale = verified ? await this.rights.isStale(verified.actor.userId, verified.rightsVersion) : false;
    if (verified && !stale) request.actor = verified.actor;
    if (isPublic) return true;
    if (!token) throw new UnauthorizedException('Missing bearer token');
    if (stale) {
      throw new UnauthorizedException({
        message: 'Your roles or account status changed since this token was issued; refresh it',
        code: 'token_stale',
      });
    }
    if (!request.actor) throw new UnauthorizedException('Invalid or expired access token');

    const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => request.actor!.roles.includes(role))) {
      throw new ForbiddenException(`This needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
