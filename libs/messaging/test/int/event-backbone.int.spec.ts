import { Body, Controller, Injectable, Module, Param, Post } from '@nestjs/common';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { BACKBONE_DATABASE, EventBackboneModule, EventBackboneService, type EventSubscriber, type IntegrationEvent } from '@sangeyipi/messaging';
import { createServiceApp, PlatformModule, Public } from '@sangeyipi/platform';
import { eventually, startServiceUnderTest, testInfrastructure, type ServiceUnderTest } from '@sangeyipi/testing';
import { Client } from 'pg';
import { IsInt, Min } from 'class-validator';
import { caseReceived } from './backbone.fixture';

class AppendProbe {
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

// Public: this suite is about the backbone; authentication has its own suite in libs/platform.
@Public()
@Controller('probe')
class ProbeController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
  ) {}

  @Post(':caseId')
  async receive(@Param('caseId') caseId: string, @Body() body: AppendProbe) {
    const result = await this.store.append(caseId, body.expectedVersion, [caseReceived(caseId, 42)], { metadata: { correlationId: 'probe' } });
    this.backbone.notifyAppended();
    return { version: result.nextVersion };
  }
}

const received: IntegrationEvent[] = [];

@Injectable()
class ReceivedRecorder implements EventSubscriber {
  readonly purpose = 'probe-recorder';
  readonly contexts = ['cases'] as const;
  readonly handle = async (event: IntegrationEvent) => void received.push(event);
}

@Module({
  imports: [
    PlatformModule.forService({ name: 'cases', ...BACKBONE_DATABASE }),
    EventBackboneModule.forService({ context: 'cases', subscribers: [ReceivedRecorder] }),
  ],
  controllers: [ProbeController],
})
class ProbeServiceModule {}

describe('a service on the event backbone', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => (service = await startServiceUnderTest((env) => createServiceApp(ProbeServiceModule, { env }), 'backbone')));
  afterAll(() => service?.close());

  const post = (caseId: string, body: unknown) =>
    fetch(`${service.url}/probe/${caseId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('relays an appended event through Kafka to its consumer group', async () => {
    const response = await post('case-7', { expectedVersion: 0 });
    expect(response.status).toBe(201);

    const event = await eventually(() => received.find((e) => e.streamId === 'case-7'));
    if (!event) throw new Error('never received');
    expect(event).toMatchObject({ type: 'cases.CaseReceived', streamVersion: 1, sourceService: 'cases', sourcePosition: 1n });
    expect(event.delivery.topic).toMatch(/\.cases\.events\.v1$/);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^relay_events_published_total\{service="cases"\} 1$/m);
    expect(metrics).toMatch(/^consumer_messages_total\{group="[^"]+cases\.probe-recorder",outcome="handled",service="cases"\} 1$/m);
    expect(metrics).toMatch(/^relay_lag_events\{service="cases"\} 0$/m);
    expect(metrics).toMatch(/^eventstore_events_appended_total\{service="cases"\} 1$/m);
    expect(metrics).toMatch(/^consumer_lag_messages\{group="[^"]+cases\.probe-recorder",topic="[^"]+",partition="\d+",service="cases"\} 0$/m);
  });

  it('answers 409 when the expected version lost the race', async () => {
    const response = await post('case-7', { expectedVersion: 0 });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ statusCode: 409, streamId: 'case-7', expectedVersion: 0, actualVersion: 1 });
  });

  it('answers 400 naming the field for a malformed command', async () => {
    const response = await post('case-8', { expectedVersion: -1 });

    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('expectedVersion');
  });
});

describe('a service whose own database role may only append to the history', () => {
  let service: ServiceUnderTest;
  let role: string;
  let appRoleUrl: string;

  beforeAll(async () => {
    service = await startServiceUnderTest((env) => createServiceApp(ProbeServiceModule, { env }), 'owner', async (database) => {
      role = `${database.name}_app`;
      const owner = new Client({ connectionString: database.url });
      await owner.connect();
      await owner.query(`CREATE ROLE "${role}" LOGIN`);
      await owner.end();
      const url = new URL(database.url);
      url.username = role;
      appRoleUrl = url.toString();
      return { DATABASE_URL: appRoleUrl, DATABASE_MIGRATION_URL: database.url };
    });
  });
  afterAll(async () => {
    await service?.close();
    const admin = new Client({ connectionString: testInfrastructure().postgresUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  });

  it('migrates as the owner, then appends as its own role, which cannot rewrite events', async () => {
    const response = await fetch(`${service.url}/probe/case-owner`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: 0 }),
    });
    expect(response.status).toBe(201);

    const asService = new Client({ connectionString: appRoleUrl });
    await asService.connect();
    try {
      expect((await asService.query(`SELECT count(*)::int AS n FROM events`)).rows).toEqual([{ n: 1 }]);
      await expect(asService.query(`UPDATE events SET data = '{}'`)).rejects.toMatchObject({ code: '42501' });
      await expect(asService.query(`DELETE FROM events`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await asService.end();
    }
  });
});
