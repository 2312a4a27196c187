import { PEOPLE, type Person, type PlatformUnderTest, SETUP_TIMEOUT_MS, startPlatform, tokensFor } from './gateway-test-kit';

type Caller = Person | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...(Object.keys(PEOPLE) as Person[])];
const SOME_ID = '00000000-0000-4000-8000-00000000abcd';

/**
 * The reads of the services whose routes the gateway does not list (supervision, projects,
 * notifications), as their controllers declare them: the edge passes them on with any valid token
 * and decides nothing itself, so every caller must get through the gateway exactly the status the
 * service gives directly (an anonymous caller off /public/ gets its 401 at the edge, as from the service).
 */
const READS: Record<string, string[]> = {
  supervision: [
    '/verifications',
    '/window-inspections',
    '/credit/someone',
    '/targets',
    '/inspections',
    '/ratings',
    '/complaints',
    '/findings',
    `/findings/${SOME_ID}`,
    '/public/inspection-items',
    '/public/plans',
    `/public/plans/${SOME_ID}/draw`,
    '/public/inspection-results',
    '/public/commitment-verifications',
    '/public/rating-statistics',
  ],
  projects: ['/advance-services', `/advance-services/${SOME_ID}`, '/projects', `/projects/${SOME_ID}`, '/public/landing-lists?year=2026', `/public/projects/${SOME_ID}`, '/public/landing-rates?year=2026'],
  notifications: ['/deliveries/failed', '/preferences', '/units/d310101-scjg/contacts', '/inbox'],
};

describe('the reads of supervision, projects and notifications through the gateway: the same answers as from the services', () => {
  let platform: PlatformUnderTest;
  let tokens: Record<Person, string>;

  beforeAll(async () => {
    platform = await startPlatform({ services: ['supervision', 'projects', 'notifications'] });
    tokens = await tokensFor();
  }, SETUP_TIMEOUT_MS);
  afterAll(() => platform?.close());

  const cases = Object.entries(READS).flatMap(([service, paths]) => paths.map((path) => [`${service} GET ${path}`, service, path] as const));

  it.each(cases)('%s', async (_name, service, path) => {
    const direct = platform.services.find((running) => running.name === service);
    if (!direct) throw new Error(`${service} is not running`);
    const through: Partial<Record<Caller, number>> = {};
    const straight: Partial<Record<Caller, number>> = {};
    for (const caller of CALLERS) {
      const headers: Record<string, string> = caller === 'anonymous' ? {} : { authorization: `Bearer ${tokens[caller]}` };
      through[caller] = (await platform.call('GET', `/api/${service}${path}`, { headers })).status;
      straight[caller] = (await fetch(`${direct.url}${path}`, { headers })).status;
    }

    expect(through).toEqual(straight);
  });
});
