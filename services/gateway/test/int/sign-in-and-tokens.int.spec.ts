import { createServer, type Server } from 'node:http';
import { createServiceApp } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { GatewayModule } from '../../src/gateway.module';
import { casesOf, PEOPLE, type PlatformUnderTest, serviceUrls, SETUP_TIMEOUT_MS, startPlatform } from './gateway-test-kit';

/** A token whose payload was edited after signing: same header and signature, more roles. */
function tampered(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  claims.roles = ['auditor'];
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('sign-in and tokens at the gateway', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform({ services: ['cases'] });
  }, SETUP_TIMEOUT_MS);
  afterAll(() => platform?.close());

  it('signs a demo user in and the token works through the gateway', async () => {
    const signIn = await platform.call('POST', '/auth/sign-in', { body: { username: 'clerk', password: 'sgyp-demo-2025' } });

    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ tokenType: 'Bearer', user: { userId: 'demo-clerk', roles: ['clerk'], unitId: 'd310101-scjg', regionCode: '310101', name: '李承办' } });
    const me = await platform.call('GET', '/auth/me', { token: signIn.body.accessToken });
    expect(me.body).toMatchObject({ userId: 'demo-clerk', roles: ['clerk'] });
    const mine = await platform.call('GET', '/api/cases/cases/mine', { token: signIn.body.accessToken });
    expect(mine.status).toBe(200);
  });

  it('refuses a wrong password or an unknown user with the same 401', async () => {
    const wrongPassword = await platform.call('POST', '/auth/sign-in', { body: { username: 'decider', password: 'guess' } });
    const unknownUser = await platform.call('POST', '/auth/sign-in', { body: { username: 'nobody', password: 'sgyp-demo-2025' } });

    expect([wrongPassword.status, unknownUser.status]).toEqual([401, 401]);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
  });

  it('answers 400 naming the field for a malformed sign-in', async () => {
    const answer = await platform.call('POST', '/auth/sign-in', { body: { username: 'clerk' } });

    expect(answer.status).toBe(400);
    expect(answer.body.violations).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('refuses tampered, expired and wrongly signed tokens with 401, at the edge and at /auth/me', async () => {
    const valid = await signTestToken(PEOPLE.clerk);
    const tokens = {
      tampered: tampered(valid),
      expired: await signTestToken(PEOPLE.clerk, { expiresIn: '-1m' }),
      wrongKey: await signTestToken(PEOPLE.clerk, { secret: 'another-key-that-is-long-enough-0123456789' }),
      garbage: 'not-a-jwt',
    };

    for (const [kind, token] of Object.entries(tokens)) {
      const edge = await platform.call('GET', '/api/cases/cases/mine', { token });
      const me = await platform.call('GET', '/auth/me', { token });
      expect({ kind, edge: edge.status, me: me.status }).toEqual({ kind, edge: 401, me: 401 });
    }
    expect((await platform.call('GET', '/api/cases/cases/mine', { token: tokens.expired })).body.message).toBe('the token has expired');
    expect((await platform.call('GET', '/api/cases/cases/mine', { token: valid })).status).toBe(200);
  });

  it('serves a public read to a caller whose token is bad, as anonymous', async () => {
    const answer = await platform.call('GET', '/api/cases/public/commitments', { token: 'not-a-jwt' });

    expect(answer.status).toBe(200);
  });

  it('limits sign-in attempts per user name and address', async () => {
    const attempts = [];
    for (let i = 0; i < 11; i++) attempts.push((await platform.call('POST', '/auth/sign-in', { body: { username: 'reviewer', password: `wrong-${i}` } })).status);

    expect(attempts.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(attempts[10]).toBe(429);
  });

  describe('with an OIDC issuer instead of the local directory', () => {
    let jwksServer: Server;
    let oidcGateway: ServiceUnderTest;
    let issuerKey: KeyLike;
    let strangerKey: KeyLike;
    let jwksRequests = 0;
    const ISSUER = 'https://id.example.gov.cn';

    const issuerToken = (key: KeyLike, claims: Record<string, unknown> = {}, expiresIn = '5m') =>
      new SignJWT({ roles: ['clerk'], unit_id: 'unit-310101-scjgj', region_code: '310101', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'issuer-key-1' })
        .setSubject('oidc-clerk')
        .setIssuer(ISSUER)
        .setAudience('sangeyipi')
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(key);

    beforeAll(async () => {
      const issuer = await generateKeyPair('RS256');
      issuerKey = issuer.privateKey;
      strangerKey = (await generateKeyPair('RS256')).privateKey;
      const jwk: JWK = { ...(await exportJWK(issuer.publicKey)), kid: 'issuer-key-1', alg: 'RS256', use: 'sig' };
      jwksServer = createServer((_request, response) => {
        jwksRequests += 1;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
      const address = jwksServer.address();
      const jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;
      const cases = casesOf(platform);
      oidcGateway = await startServiceUnderTest((env) => createServiceApp(GatewayModule, { env }), 'gateway', {
        ...serviceUrls({ cases: cases.url }),
        AUTH_MODE: 'oidc',
        AUTH_OIDC_JWKS_URL: jwksUrl,
        AUTH_OIDC_ISSUER: ISSUER,
        AUTH_OIDC_AUDIENCE: 'sangeyipi',
      });
    });
    afterAll(async () => {
      await oidcGateway?.close();
      await new Promise((resolve) => jwksServer?.close(resolve));
    });

    const call = (path: string, token: string) => fetch(`${oidcGateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    it("accepts the issuer's token and the service sees the caller it names", async () => {
      const token = await issuerToken(issuerKey);

      const me = await call('/auth/me', token);
      const mine = await call('/api/cases/cases/mine', token);

      expect(await me.json()).toMatchObject({ userId: 'oidc-clerk', roles: ['clerk'], unitId: 'unit-310101-scjgj' });
      expect(mine.status).toBe(200);
      expect(jwksRequests).toBeGreaterThan(0);
      // A recorded consultation names who answered it: the service saw the issuer's person.
      const recorded = await fetch(`${oidcGateway.url}/api/cases/consultations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ topic: '需要哪些材料', answer: '申请书' }),
      });
      expect(await recorded.json()).toMatchObject({ answeredByUserId: 'oidc-clerk', unitId: 'unit-310101-scjgj' });
    });

    it('refuses a token signed by another key, an expired one, a tampered one, and a platform HS256 token', async () => {
      const refused = {
        wrongKey: await issuerToken(strangerKey),
        expired: await issuerToken(issuerKey, {}, '-1m'),
        tampered: tampered(await issuerToken(issuerKey)),
        platformToken: await signTestToken(PEOPLE.clerk),
        wrongAudience: await new SignJWT({ roles: ['clerk'] }).setProtectedHeader({ alg: 'RS256', kid: 'issuer-key-1' }).setSubject('x').setIssuer(ISSUER).setAudience('someone-else').setExpirationTime('5m').sign(issuerKey),
      };

      for (const [kind, token] of Object.entries(refused)) {
        expect({ kind, status: (await call('/api/cases/cases/mine', token)).status }).toEqual({ kind, status: 401 });
      }
    });

    it('has no local sign-in', async () => {
      const response = await fetch(`${oidcGateway.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'sgyp-demo-2025' }) });

      expect(response.status).toBe(404);
    });
  });
});
