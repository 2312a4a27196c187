import { Controller, Get, Module } from '@nestjs/common';
import { createServiceApp, CurrentUser, PlatformModule, Public, Roles, type AuthenticatedUser } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open(@CurrentUser() user?: AuthenticatedUser) {
    return { signedIn: !!user };
  }

  @Roles('reform_office')
  @Get('reform-office')
  approve(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Get('anyone')
  anyone(@CurrentUser() user: AuthenticatedUser) {
    return { userId: user.userId };
  }
}

@Module({ imports: [PlatformModule.forService({ name: 'probe' })], controllers: [ProbeController] })
class ProbeModule {}

describe('bearer-token authentication on every service', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => (service = await startServiceUnderTest((env) => createServiceApp(ProbeModule, { env }), 'auth')));
  afterAll(() => service?.close());

  const get = (path: string, token?: string) =>
    fetch(`${service.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const officer = { userId: 'u-1', roles: ['reform_office'], unitId: 'unit-huangpu-reform', regionCode: '310101' };

  it('serves public routes and health without a token, and treats a stale token there as none', async () => {
    expect((await get('/probe/public')).status).toBe(200);
    expect((await get('/health/live')).status).toBe(200);
    const stale = await get('/probe/public', await signTestToken(officer, { expiresIn: '-1m' }));
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual({ signedIn: false });
  });

  it('answers 401 without a token, and for a tampered, expired or wrongly signed one', async () => {
    const valid = await signTestToken(officer);
    const [header, payload, signature] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['auditor'] })).toString('base64url');

    expect((await get('/probe/anyone')).status).toBe(401);
    expect((await get('/probe/anyone', `${header}.${forgedPayload}.${signature}`)).status).toBe(401);
    expect((await get('/probe/anyone', await signTestToken(officer, { expiresIn: '-1m' }))).status).toBe(401);
    expect((await get('/probe/anyone', await signTestToken(officer, { secret: 'another-key-that-is-long-enough-000000' }))).status).toBe(401);
    expect((await get('/probe/anyone', valid)).status).toBe(200);
  });

  it('answers 403 when the role is missing, and hands the verified caller to the route', async () => {
    const clerk = await signTestToken({ userId: 'u-2', roles: ['clerk'], unitId: 'u', regionCode: '310101' });
    expect((await get('/probe/reform-office', clerk)).status).toBe(403);

    const response = await get('/probe/reform-office', await signTestToken(officer));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: 'u-1', roles: ['reform_office'], unitId: 'unit-huangpu-reform', regionCode: '310101' });
  });
});
