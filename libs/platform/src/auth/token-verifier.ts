import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { ServiceConfig } from '../config/service-config.schema';
import { ROLES, type AuthenticatedUser, type Role } from './roles';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const ISSUER = 'sangeyipi';

/** Claims of the platform's access tokens, beside the standard `sub`, `iat`, `exp`. */
interface PlatformClaims extends JWTPayload {
  roles?: unknown;
  unit_id?: unknown;
  region_code?: unknown;
  name?: unknown;
}

/**
 * Verifies HS256 bearer tokens signed with AUTH_JWT_SECRET (the gateway's sign-in issues them)
 * and turns their claims into an AuthenticatedUser. Tampered, expired or wrongly signed tokens
 * are refused.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array;

  constructor(@Inject(ServiceConfig) config: ServiceConfig) {
    this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: PlatformClaims;
    try {
      ({ payload } = await jwtVerify<PlatformClaims>(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] }));
    } catch (error) {
      const reason = error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is not valid';
      throw new InvalidTokenError(reason);
    }
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) throw new InvalidTokenError('the token lacks a subject or roles');
    const roles = payload.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role));
    return {
      userId: payload.sub,
      roles,
      unitId: typeof payload.unit_id === 'string' ? payload.unit_id : undefined,
      regionCode: typeof payload.region_code === 'string' ? payload.region_code : undefined,
      name: typeof payload.name === 'string' ? payload.name : undefined,
    };
  }
}

export { ISSUER as TOKEN_ISSUER };
