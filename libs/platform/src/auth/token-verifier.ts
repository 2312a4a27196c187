import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { ServiceConfig } from '../config/service-config.schema';
import { ROLES, type AuthenticatedUser, type Role } from './roles';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const ISSUER = 'sangeyipi';
/** Verified tokens kept per process; a busy service sees a few thousand people's tokens an hour. */
const VERIFIED_TOKENS_KEPT = 10_000;

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
 * are refused. During a key rotation, tokens signed with a key listed in
 * AUTH_JWT_PREVIOUS_SECRETS are still accepted until they expire.
 *
 * A staff member sends the same token with every request until it expires, so a verified token is
 * kept (the whole token string, signature included, is the key) with its expiry, which is still
 * checked on every use. The keys are fixed for the life of the process.
 */
@Injectable()
export class TokenVerifier {
  /** The current key first, then the previous ones. */
  private readonly keys: readonly KeyObject[];
  /** Verified tokens in the order they were last verified, oldest first. */
  private readonly verified = new Map<string, { user: AuthenticatedUser; expiresAtMs: number }>();

  constructor(@Inject(ServiceConfig) config: ServiceConfig) {
    this.keys = [config.AUTH_JWT_SECRET, ...config.AUTH_JWT_PREVIOUS_SECRETS].map((secret) => createSecretKey(Buffer.from(secret, 'utf8')));
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const kept = this.verified.get(token);
    if (kept && Date.now() < kept.expiresAtMs) return kept.user;
    if (kept) this.verified.delete(token);

    const payload = await this.verifiedClaims(token);
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) throw new InvalidTokenError('the token lacks a subject or roles');
    const roles = Object.freeze(payload.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)));
    const user: AuthenticatedUser = Object.freeze({
      userId: payload.sub,
      roles,
      unitId: typeof payload.unit_id === 'string' ? payload.unit_id : undefined,
      regionCode: typeof payload.region_code === 'string' ? payload.region_code : undefined,
      name: typeof payload.name === 'string' ? payload.name : undefined,
    });
    this.keep(token, user, (payload.exp as number) * 1000);
    return user;
  }

  private keep(token: string, user: AuthenticatedUser, expiresAtMs: number): void {
    this.verified.set(token, { user, expiresAtMs });
    if (this.verified.size > VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
  }

  private async verifiedClaims(token: string): Promise<PlatformClaims> {
    let reason = 'the token is not valid';
    for (const key of this.keys) {
      try {
        const { payload } = await jwtVerify<PlatformClaims>(token, key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
        return payload;
      } catch (error) {
        // An expired token signed with this key says so; a signature mismatch tries the next key.
        if (error instanceof errors.JWTExpired) reason = 'the token has expired';
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    throw new InvalidTokenError(reason);
  }
}

export { ISSUER as TOKEN_ISSUER };
