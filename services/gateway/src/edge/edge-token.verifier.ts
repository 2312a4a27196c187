import { Injectable } from '@nestjs/common';
import { ROLES, TokenVerifier, type AuthenticatedUser, type Role } from '@sangeyipi/platform';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { GatewayConfig } from '../config/gateway-config.schema';

/** The reason a bearer token was refused, as the 401 answer says it. */
export class RefusedTokenError extends Error {
  override readonly name = 'RefusedTokenError';
}

/** The asymmetric algorithms an OIDC issuer may sign with; HS256 is never accepted from outside. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Verifies the bearer tokens that reach the edge. With AUTH_MODE=local they are the platform's own
 * HS256 tokens (the platform's TokenVerifier, as in every service). With AUTH_MODE=oidc they come
 * from the configured issuer, verified against its JWKS (fetched and cached by jose, refetched
 * when a token names an unknown key); their claims `roles`, `unit_id`, `region_code` and `name`
 * become the caller.
 */
@Injectable()
export class EdgeTokenVerifier {
  private readonly local: TokenVerifier;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: GatewayConfig) {
    this.local = new TokenVerifier(config);
    if (config.AUTH_MODE === 'oidc' && config.AUTH_OIDC_JWKS_URL) {
      this.jwks = createRemoteJWKSet(new URL(config.AUTH_OIDC_JWKS_URL), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    }
  }

  /** The caller the token names; throws RefusedTokenError for a tampered, expired or wrongly signed token. */
  async verify(token: string): Promise<AuthenticatedUser> {
    if (!this.jwks) {
      try {
        return await this.local.verify(token);
      } catch (error) {
        throw new RefusedTokenError(error instanceof Error ? error.message : 'the token is not valid');
      }
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.config.AUTH_OIDC_ISSUER,
        audience: this.config.AUTH_OIDC_AUDIENCE,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new RefusedTokenError(error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is not valid');
    }
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) throw new RefusedTokenError('the token lacks a subject or roles');
    return {
      userId: payload.sub,
      roles: payload.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)),
      unitId: typeof payload.unit_id === 'string' ? payload.unit_id : undefined,
      regionCode: typeof payload.region_code === 'string' ? payload.region_code : undefined,
      name: typeof payload.name === 'string' ? payload.name : undefined,
    };
  }

  /** True when callers arrive with the issuer's tokens, which the services cannot read: the gateway signs its own for them. */
  get translatesTokens(): boolean {
    return this.jwks !== undefined;
  }
}
