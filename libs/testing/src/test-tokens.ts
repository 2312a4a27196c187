import { SignJWT } from 'jose';

/** The signing key every service under test is configured with. */
export const TEST_JWT_SECRET = 'test-only-signing-key-0123456789abcdef';

export interface TestUser {
  userId: string;
  roles: string[];
  unitId?: string;
  regionCode?: string;
}

/** A bearer token as the gateway's sign-in would issue it, signed with TEST_JWT_SECRET. */
export async function signTestToken(user: TestUser, { secret = TEST_JWT_SECRET, expiresIn = '15m' } = {}): Promise<string> {
  return new SignJWT({ roles: user.roles, unit_id: user.unitId, region_code: user.regionCode })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.userId)
    .setIssuer('sangeyipi')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
