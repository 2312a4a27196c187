import { createServiceApp } from '@sangeyipi/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { CasesModule } from '../../src/cases.module';

describe('the cases service runs and reports its health', () => {
  let service: ServiceUnderTest;
  let url: string;

  beforeAll(async () => {
    service = await startServiceUnderTest((env) => createServiceApp(CasesModule, { env }), 'cases');
    url = service.url;
  });

  afterAll(() => service?.close());

  it('answers /health/ready with database, kafka and redis up', async () => {
    const response = await fetch(`${url}/health/ready`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers /health/live', async () => {
    const response = await fetch(`${url}/health/live`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('counts requests by route template at /metrics', async () => {
    await fetch(`${url}/health/live`);

    const metrics = await (await fetch(`${url}/metrics`)).text();

    expect(metrics).toMatch(/^http_request_duration_seconds_count\{service="cases",method="GET",route="\/health\/live",status="200"\} [1-9]/m);
  });

  it('describes its API at /docs-json, with a UI at /docs', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { info: { title: string } };
    const ui = await fetch(`${url}/docs`);

    expect(document.info.title).toBe('cases service');
    expect(ui.status).toBe(200);
  });

  it("echoes the caller's correlation id", async () => {
    const response = await fetch(`${url}/health/live`, { headers: { 'x-correlation-id': 'probe-cases-1' } });

    expect(response.headers.get('x-correlation-id')).toBe('probe-cases-1');
  });
});
