import { Controller, Get, Module, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { BACKBONE_DATABASE, EventBackboneModule, RetryOnStreamConflictInterceptor } from '@sangeyipi/messaging';
import { createServiceApp, PlatformModule, Public } from '@sangeyipi/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { caseReceived } from './backbone.fixture';

const attempts = new Map<string, number>();

// A command that loads a stream and appends at the version it read; `losses` times, another writer (a
// consumer, say) appends in between, so the command's append loses the race.
@Public()
@Controller('probe')
class RacyController {
  constructor(private readonly store: PostgresEventStore) {}

  @Post(':streamId')
  async command(@Param('streamId') streamId: string, @Query('losses', ParseIntPipe) losses: number) {
    const attempt = (attempts.get(streamId) ?? 0) + 1;
    attempts.set(streamId, attempt);
    const version = await this.store.streamVersion(streamId);
    if (attempt <= losses) await this.store.append(streamId, version, [caseReceived(streamId, 100 + attempt)], { metadata: { correlationId: 'other-writer' } });
    const result = await this.store.append(streamId, version, [caseReceived(streamId, attempt)], { metadata: { correlationId: 'command' } });
    return { attempts: attempt, version: result.nextVersion };
  }

  @Get(':streamId')
  async read(@Param('streamId') streamId: string) {
    return { version: await this.store.streamVersion(streamId) };
  }
}

@Module({
  imports: [PlatformModule.forService({ name: 'projects', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'projects' })],
  controllers: [RacyController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: RetryOnStreamConflictInterceptor }],
})
class RacyServiceModule {}

describe('a command whose append loses the race to another writer', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => {
    service = await startServiceUnderTest((env) => createServiceApp(RacyServiceModule, { env }), 'conflict_retry');
  });
  afterAll(() => service?.close());

  const command = (streamId: string, losses: number) => fetch(`${service.url}/probe/${streamId}?losses=${losses}`, { method: 'POST' });

  it('is loaded, decided and appended again, and succeeds', async () => {
    const response = await command('project-raced-twice', 2);

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ attempts: 3, version: 3 });
  });

  it('answers 409 once it has lost four times in a row, having written only what the other writer did', async () => {
    const response = await command('project-always-raced', 99);

    expect(response.status).toBe(409);
    expect(attempts.get('project-always-raced')).toBe(4);
    expect(await (await fetch(`${service.url}/probe/project-always-raced`)).json()).toEqual({ version: 4 });
  });
});
