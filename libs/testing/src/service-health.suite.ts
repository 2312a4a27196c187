import { startServiceUnderTest, type ServiceAppFactory, type ServiceUnderTest } from './service-under-test';

/**
 * The operability every service promises, checked against the running service: readiness
 * with its dependencies' states, liveness, request metrics, API docs and correlation ids.
 */
export function describeServiceOperability(name: string, createApp: ServiceAppFactory): void {
  describe(`the ${name} service runs and reports its health`, () => {
    let service: ServiceUnderTest;
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${service.url}${path}`, { headers });

    beforeAll(async () => (service = await startServiceUnderTest(createApp, name)));
    afterAll(() => service?.close());

    it('answers /health/ready with database, kafka and redis up', async () => {
      const response = await get('/health/ready');

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('answers /health/live', async () => {
      const response = await get('/health/live');

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });

    it('counts requests by route template at /metrics', async () => {
      await get('/health/live');

      const metrics = await (await get('/metrics')).text();

      expect(metrics).toMatch(
        new RegExp(`^http_request_duration_seconds_count\\{service="${name}",method="GET",route="/health/live",status="200"\\} [1-9]`, 'm'),
      );
    });

    it('describes its API at /docs-json, with a UI at /docs', async () => {
      const document = (await (await get('/docs-json')).json()) as { info: { title: string } };

      expect(document.info.title).toBe(`${name} service`);
      expect((await get('/docs')).status).toBe(200);
    });

    it("echoes the caller's correlation id", async () => {
      const response = await get('/health/live', { 'x-correlation-id': `probe-${name}-1` });

      expect(response.headers.get('x-correlation-id')).toBe(`probe-${name}-1`);
    });
  });
}
