import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call.
 * A public route still reads a valid token when one is sent, so it can show more to staff, and
 * ignores an invalid one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const header: string | undefined = request.headers?.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];

    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException('a bearer token is required');
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      // A stale token must not lock anyone out of what is public anyway.
      if (error instanceof InvalidTokenError && isPublic) return true;
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (!isPublic && required && !required.some((role) => request.user.roles.includes(role))) {
      throw new ForbiddenException(`this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
