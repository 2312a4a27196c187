import { Controller, Module, Param, Post } from '@nestjs/common';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { BACKBONE_DATABASE, EventBackboneModule, type EventLogVerificationReport } from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, PlatformModule, Public, type Clock } from '@sangeyipi/platform';
import { changeHistoryAsSuperuser, signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { Client } from 'pg';
import { caseReceived } from './backbone.fixture';

// Public: the writes only set the scene; the route under test is the backbone's own.
@Public()
@Controller('probe')
class ProbeController {
  constructor(private readonly store: PostgresEventStore) {}

  @Post(':caseId')
  async receive(@Param('caseId') caseId: string) {
    const events = [1, 2, 3].map((amount) => caseReceived(caseId, amount));
    const result = await this.store.append(caseId, 0, events, { metadata: { correlationId: 'verification' } });
    return { version: result.nextVersion };
  }
}

@Module({
  imports: [PlatformModule.forService({ name: 'cases', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'cases' })],
  controllers: [ProbeController],
})
class ProbeServiceModule {}

describe('GET /event-log/verification on a service of the backbone', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => {
    service = await startServiceUnderTest((env) => createServiceApp(ProbeServiceModule, { env }), 'verification');
    for (const caseId of ['case-1', 'case-2']) expect((await fetch(`${service.url}/probe/${caseId}`, { method: 'POST' })).status).toBe(201);
  });
  afterAll(() => service?.close());

  const verification = async (roles?: string[]) => {
    const headers: Record<string, string> = roles ? { authorization: `Bearer ${await signTestToken({ userId: 'u-1', roles })}` } : {};
    return fetch(`${service.url}/event-log/verification`, { headers });
  };

  const asSuperuserWithoutTriggers = (sql: string, params: unknown[]) => changeHistoryAsSuperuser(service.database.url, sql, params);

  it('answers 401 without a token and 403 for a clerk', async () => {
    expect((await verification()).status).toBe(401);
    expect((await verification(['clerk'])).status).toBe(403);
  });

  it('reports an intact history as ok to an auditor', async () => {
    const response = await verification(['auditor']);

    expect(response.status).toBe(200);
    const report = (await response.json()) as EventLogVerificationReport;
    expect(report).toMatchObject({ service: 'cases', events: 6, streams: 2, ok: true, problemCount: 0 });
    expect(report.firstProblem).toBeUndefined();
    expect(Number.isNaN(Date.parse(report.verifiedAt))).toBe(false);
  });

  it('answers callers who ask during a verification with that verification, and runs a new one afterwards', async () => {
    const clock = service.app.get<Clock>(CLOCK, { strict: false });
    const systemNow = clock.now;
    let tick = 0;
    clock.now = () => new Date(Date.UTC(2026, 10, 1) + 1000 * tick++); // every run gets a time of its own
    try {
      const together = await Promise.all([1, 2, 3].map(async () => (await (await verification(['auditor'])).json()) as EventLogVerificationReport));
      expect(new Set(together.map((report) => report.verifiedAt)).size).toBe(1);
      const later = (await (await verification(['auditor'])).json()) as EventLogVerificationReport;
      expect(later.verifiedAt).not.toBe(together[0].verifiedAt);
    } finally {
      clock.now = systemNow;
    }
  });

  it('names the event a superuser altered, for operations too', async () => {
    const client = new Client({ connectionString: service.database.url });
    await client.connect();
    const [target] = (await client.query(`SELECT event_id FROM events WHERE stream_id = 'case-2' AND stream_version = 2`)).rows;
    await client.end();
    await asSuperuserWithoutTriggers(`UPDATE events SET data = data || '{"handlerBadge":"999"}' WHERE event_id = $1`, [target.event_id]);

    const response = await verification(['operations_admin']);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      service: 'cases',
      ok: false,
      firstProblem: { eventId: target.event_id, streamId: 'case-2', streamVersion: 2, problem: expect.stringMatching(/changed/) },
    });
  });
});
