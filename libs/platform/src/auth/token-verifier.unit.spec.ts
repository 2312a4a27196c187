import { SignJWT } from 'jose';
import { loadServiceConfig } from '../config/load-service-config.util';
import { ServiceConfig } from '../config/service-config.schema';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const CURRENT = 'current-signing-key-0123456789abcdef';
const PREVIOUS = 'previous-signing-key-0123456789abcdef';
const UNKNOWN = 'somebody-elses-key-0123456789abcdefgh';

function verifierWith(env: Record<string, string>): TokenVerifier {
  const config = loadServiceConfig(ServiceConfig, {
    DATABASE_URL: 'postgres://svc@db:5432/svc',
    KAFKA_BROKERS: 'kafka:9092',
    REDIS_URL: 'redis://cache:6379',
    AUTH_JWT_SECRET: CURRENT,
    ...env,
  });
  return new TokenVerifier(config);
}

function tokenSignedWith(secret: string, expiresIn = '5m'): Promise<string> {
  return new SignJWT({ roles: ['clerk'], unit_id: 'unit-1' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('clerk-1')
    .setIssuer('sangeyipi')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

describe('TokenVerifier during a key rotation', () => {
  it('accepts tokens of the current key', async () => {
    await expect(verifierWith({}).verify(await tokenSignedWith(CURRENT))).resolves.toMatchObject({ userId: 'clerk-1', roles: ['clerk'], unitId: 'unit-1' });
  });

  it('refuses a token of the previous key until that key is listed as previous', async () => {
    const token = await tokenSignedWith(PREVIOUS);

    await expect(verifierWith({}).verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verifierWith({ AUTH_JWT_PREVIOUS_SECRETS: PREVIOUS }).verify(token)).resolves.toMatchObject({ userId: 'clerk-1' });
  });

  it('still refuses a key that is neither current nor previous', async () => {
    await expect(verifierWith({ AUTH_JWT_PREVIOUS_SECRETS: PREVIOUS }).verify(await tokenSignedWith(UNKNOWN))).rejects.toThrow('the token is not valid');
  });

  it('says an expired token of a previous key has expired', async () => {
    const expired = await tokenSignedWith(PREVIOUS, '-1m');

    await expect(verifierWith({ AUTH_JWT_PREVIOUS_SECRETS: PREVIOUS }).verify(expired)).rejects.toThrow('the token has expired');
  });
});

describe('TokenVerifier keeping verified tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a kept token once it has expired', async () => {
    const verifier = verifierWith({});
    const token = await tokenSignedWith(CURRENT, '10s');
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'clerk-1' });

    jest.useFakeTimers({ now: Date.now() + 11_000, doNotFake: ['nextTick', 'setImmediate'] });

    await expect(verifier.verify(token)).rejects.toThrow('the token has expired');
  });

  it('refuses a token whose signature differs from a kept one with the same claims', async () => {
    const verifier = verifierWith({});
    const token = await tokenSignedWith(CURRENT);
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;

    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
  });

  it('answers a kept token with the same caller, who cannot be changed by one request', async () => {
    const verifier = verifierWith({});
    const token = await tokenSignedWith(CURRENT);
    const first = await verifier.verify(token);

    expect(() => (first.roles as string[]).push('auditor')).toThrow(TypeError);
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'clerk-1', roles: ['clerk'], unitId: 'unit-1', regionCode: undefined, name: undefined });
  });
});
