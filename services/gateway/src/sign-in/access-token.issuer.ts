import { Injectable } from '@nestjs/common';
import { TOKEN_ISSUER, type AuthenticatedUser } from '@sangeyipi/platform';
import { SignJWT } from 'jose';
import { GatewayConfig } from '../config/gateway-config.schema';

/**
 * Signs the platform's access tokens (HS256 with AUTH_JWT_SECRET, issuer `sangeyipi`), the only
 * tokens the services accept: for people signed in locally, and — short-lived, per request — for
 * callers the gateway verified against an OIDC issuer.
 */
@Injectable()
export class AccessTokenIssuer {
  private readonly key: Uint8Array;

  constructor(private readonly config: GatewayConfig) {
    this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
  }

  async issue(user: AuthenticatedUser, lifetimeSeconds = this.config.AUTH_TOKEN_TTL_MINUTES * 60): Promise<{ accessToken: string; expiresAt: string }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const accessToken = await new SignJWT({ roles: [...user.roles], unit_id: user.unitId, region_code: user.regionCode, name: user.name })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
}
