import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@sangeyipi/contracts';
import { eventually, testInfrastructure, type ServiceUnderTest } from '@sangeyipi/testing';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  SourceService,
  audit,
  call,
  createTopics,
  processed,
  publishUnknownType,
  startAnalytics,
  testKafka,
  uniquePrefix,
} from './analytics-test-kit';
import { appendNovember, appendOctober, type Sources } from './district-history';

const OCTOBER = { periodKind: 'month', period: '2026-10', regionCode: '310101' };
const OCTOBER_QUERY = 'periodKind=month&period=2026-10&regionCode=310101';
const OCTOBER_EVENTS = 34;
const NOVEMBER_EVENTS = 3;

/** [numerator, denominator] of the whole scope's row of an indicator. */
function overall(figures: Array<{ indicator: string; unitId: string; regionCode: string; numerator: string; denominator: string }>, indicator: string) {
  const row = figures.find((f) => f.indicator === indicator && !f.unitId && !f.regionCode);
  return row && [Number(row.numerator), Number(row.denominator)];
}

/**
 * One history of 黄浦区, written by four producing services' event stores and relays and published
 * under two topic prefixes: analytics `single` consumes one copy alone, `pair` (two instances sharing
 * a database and a consumer group) the other.
 */
describe('the analytics service on a district history', () => {
  let kafka: Kafka;
  let sources: Sources;
  let single: ServiceUnderTest;
  let pair: [ServiceUnderTest, ServiceUnderTest];
  const singlePrefix = uniquePrefix('an1');
  const pairPrefix = uniquePrefix('an2');
  let bulletin: { bulletinId: string; digest: string; title: string; content: { asOf: string } };

  beforeAll(async () => {
    kafka = testKafka();
    await createTopics(kafka, [singlePrefix, pairPrefix]);
    sources = {
      catalog: await SourceService.open('catalog', kafka, [singlePrefix, pairPrefix]),
      cases: await SourceService.open('cases', kafka, [singlePrefix, pairPrefix]),
      projects: await SourceService.open('projects', kafka, [singlePrefix, pairPrefix]),
      supervision: await SourceService.open('supervision', kafka, [singlePrefix, pairPrefix]),
    };
    single = await startAnalytics(singlePrefix);
    const first = await startAnalytics(pairPrefix);
    pair = [first, await startAnalytics(pairPrefix, { database: first.database })];
    // Both members of the pair hold partitions before anything is published.
    const admin = kafka.admin();
    await admin.connect();
    await eventually(async () => {
      const { groups } = await admin.describeGroups([`${pairPrefix}analytics.indicators`]);
      return groups[0].state === 'Stable' && groups[0].members.length === 2;
    });
    await admin.disconnect();

    await appendOctober(sources);
    await publishUnknownType(kafka, [pairPrefix]);
    for (const source of Object.values(sources)) await source.publish();
    await processed(single, OCTOBER_EVENTS);
    await processed(pair[0], OCTOBER_EVENTS);
  }, 400_000);

  afterAll(async () => {
    // pair[1] uses pair[0]'s database, which pair[0] drops when it closes: close pair[0] last.
    for (const service of [single, ...(pair ?? [])].reverse()) await service?.close().catch(() => undefined);
    for (const source of Object.values(sources ?? {})) await source.close();
  });

  it('folds every context\'s events into the indicators of DOMAIN.md', async () => {
    const { status, body } = await call(single.url, 'GET', `/figures?${OCTOBER_QUERY}`, 'huangpuSupervisor');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-10-31T16:00:00.000Z');
    const expected: Record<string, [number, number]> = {
      committed_limit_compression: [15, 50], // items A 0/20, B 10/20, C 5/10 committed of statutory
      immediate_item_share: [1, 3],
      actual_time_compression: [24, 100], // c1..c5 used 0+1+8+14+1 of 5 × 20
      on_the_spot_completion_rate: [1, 2],
      on_time_completion_rate: [4, 5], // all but c4
      overdue_cases: [1, 1],
      one_time_notification_rate: [1, 2],
      same_year_start_rate: [1, 2],
      same_year_completion_rate: [0, 0],
      inspection_coverage: [1, 2],
      result_publication_timeliness: [1, 1],
      good_rating_rate: [2, 3],
      bad_rating_rectification_rate: [0, 1],
    };
    for (const [indicator, figure] of Object.entries(expected)) expect([indicator, overall(body.figures, indicator)]).toEqual([indicator, figure]);
    const u1 = body.figures.find((f: { indicator: string; unitId: string }) => f.indicator === 'on_time_completion_rate' && f.unitId === 'U1');
    expect([u1.numerator, u1.denominator, u1.value]).toEqual(['3', '4', 0.75]);
  });

  it('gives the same figures from two instances in one consumer group as from one instance alone, and ignores a type it does not know', async () => {
    const one = await call(single.url, 'GET', `/figures?${OCTOBER_QUERY}`, 'auditor');
    const two = await call(pair[1].url, 'GET', `/figures?${OCTOBER_QUERY}`, 'auditor');
    expect(two.body.figures).toEqual(one.body.figures);
    // Each member of the pair folded part of the history; the message of an unknown type, published
    // to the pair's topic only, was dead-lettered by one of them and changed nothing.
    let deadLettered = 0;
    for (const member of pair) {
      const metrics = await (await fetch(`${member.url}/metrics`)).text();
      const count = (outcome: string) => Number(new RegExp(`consumer_messages_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
      expect(count('handled')).toBeGreaterThan(0);
      deadLettered += count('dead-lettered');
    }
    expect(deadLettered).toBe(1);
    const fingerprint = async (url: string) => {
      const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
      const [row] = await dataSource.query(`SELECT count(*)::int AS facts, md5(string_agg(fact::text, '|' ORDER BY fact_key COLLATE "C")) AS digest FROM analytics_facts`);
      await dataSource.destroy();
      return row;
    };
    expect(await fingerprint(pair[0].database.url)).toEqual(await fingerprint(single.database.url));
  });

  it('publishes a bulletin once and for all: JSON, a printable page, and analytics.BulletinPublished', async () => {
    const published = await call(single.url, 'POST', '/bulletins', 'huangpuSupervisor', OCTOBER);
    expect(published.status).toBe(201);
    bulletin = published.body;
    expect(bulletin.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(bulletin.title).toBe('黄浦区2026年10月“三个一批”统计通报');

    const read = await call(single.url, 'GET', `/bulletins/${bulletin.bulletinId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(bulletin);
    expect(read.body.eventRanges.map((r: { topic: string }) => r.topic)).toContain(`${singlePrefix}${TOPICS.cases}`);
    const page = await call(single.url, 'GET', `/bulletins/${bulletin.bulletinId}/page`);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain(bulletin.digest);
    expect(page.text).toContain('黄浦区市场监督管理局');

    const dataSource = await new DataSource({ type: 'postgres', url: single.database.url }).initialize();
    try {
      const [event] = await dataSource.query(`SELECT data FROM events WHERE event_type = 'analytics.BulletinPublished'`);
      expect(event.data).toMatchObject({ bulletinId: bulletin.bulletinId, digest: bulletin.digest, asOf: bulletin.content.asOf });
      await expect(dataSource.query(`UPDATE analytics_bulletins SET title = 'changed'`)).rejects.toThrow(/never changes/);
      await eventually(async () => (await dataSource.query(`SELECT log_sequence FROM relay_checkpoints`))[0]?.log_sequence === '1');
    } finally {
      await dataSource.destroy();
    }
  });

  it('is replayed by the auditor\'s tool from Kafka to the published digest, each event checked against its database', async () => {
    const result = await audit([
      'replay',
      '--bulletin',
      `${single.url}/bulletins/${bulletin.bulletinId}`,
      '--brokers',
      testInfrastructure().kafkaBrokers.join(','),
      ...Object.values(sources).flatMap((source) => ['--database', `${source.context}=${source.database.url}`]),
    ]);
    expect(result.stdout).toContain(`replayed  digest ${bulletin.digest}`);
    expect(result.stdout).toContain('OK: the replayed digest equals the published one');
    expect(result.code).toBe(0);
  });

  it('recomputes last month\'s bulletin after this month\'s events to the digest published then, from the service and from the history', async () => {
    await appendNovember(sources);
    for (const source of Object.values(sources)) await source.publish();
    await processed(single, OCTOBER_EVENTS + NOVEMBER_EVENTS + 1); // and the bulletin's own event
    const november = await call(single.url, 'GET', '/figures?periodKind=month&period=2026-11&regionCode=310101', 'auditor');
    expect(overall(november.body.figures, 'good_rating_rate')).toEqual([0, 1]); // November's events are in

    const recomputed = await call(single.url, 'POST', '/bulletins/recomputation', 'auditor', { ...OCTOBER, asOf: bulletin.content.asOf });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body.digest).toBe(bulletin.digest);

    const replayed = await audit([
      'replay',
      '--region',
      '310101',
      '--period-kind',
      'month',
      '--period',
      '2026-10',
      '--as-of',
      bulletin.content.asOf,
      '--brokers',
      testInfrastructure().kafkaBrokers.join(','),
      '--topic-prefix',
      singlePrefix,
    ]);
    expect(replayed.stdout).toContain(`replayed  digest ${bulletin.digest}`);
    expect(replayed.code).toBe(0);
  });

  it('rebuilds the projection from offset 0 to exactly the live one, while the service runs', async () => {
    const before = await call(single.url, 'GET', `/figures?${OCTOBER_QUERY}`, 'auditor');
    const result = await audit(['rebuild', '--analytics-database', single.database.url, '--brokers', testInfrastructure().kafkaBrokers.join(','), '--topic-prefix', singlePrefix]);
    expect(result.code).toBe(0);
    const read = Number(/read (\d+) messages/.exec(result.stdout)?.[1]);
    expect(read).toBe(OCTOBER_EVENTS + NOVEMBER_EVENTS + 1); // with the bulletin's own event
    const [, beforeFacts] = /facts before (\d+ \w+)/.exec(result.stdout) ?? [];
    const [, afterFacts] = /facts after {2}(\d+ \w+)/.exec(result.stdout) ?? [];
    // 2 units, 3 items, 6 cases, 4 ratings, 1 plan, 1 inspection, 2 projects: one fact per stream.
    expect(beforeFacts.split(' ')[0]).toBe('19');
    expect(afterFacts).toBe(beforeFacts);
    const after = await call(single.url, 'GET', `/figures?${OCTOBER_QUERY}`, 'auditor');
    expect(after.body.figures).toEqual(before.body.figures);
  });

  it('fails a replay from an export in which one event was altered, naming that event', async () => {
    const file = path.join(tmpdir(), `${singlePrefix}export.ndjson`);
    const exported = await audit([
      'export',
      '--bulletin',
      `${single.url}/bulletins/${bulletin.bulletinId}`,
      '--brokers',
      testInfrastructure().kafkaBrokers.join(','),
      '--out',
      file,
      ...Object.values(sources).flatMap((source) => ['--database', `${source.context}=${source.database.url}`]),
    ]);
    expect(exported.code).toBe(0);
    const intact = await audit(['replay', '--bulletin', `${single.url}/bulletins/${bulletin.bulletinId}`, '--from', file]);
    expect(intact.stdout).toContain('OK: the replayed digest equals the published one');

    // Turn the bad rating R3 into a good one in the export.
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const r3 = lines.find((line) => line.streamId === 'rating-R3');
    r3.stored.data.grade = 'RATING_GRADE_SATISFIED';
    await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    const altered = await audit(['replay', '--bulletin', `${single.url}/bulletins/${bulletin.bulletinId}`, '--from', file]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`ALTERED event ${r3.eventId} at ${r3.topic}[${r3.partition}]@${r3.offset}: its content does not match its hash`);
  });

  it('verifies every chain and every sealed event on its topic, and names an event a superuser changed in a database', async () => {
    const brokers = testInfrastructure().kafkaBrokers.join(',');
    const databases = Object.values(sources).flatMap((source) => ['--database', `${source.context}=${source.database.url}`]);
    const intact = await audit(['verify', ...databases, '--brokers', brokers, '--topic-prefix', singlePrefix]);
    expect(intact.stdout).toContain('supervision: 7 sealed events checked against');
    expect(intact.stdout).toMatch(/OK\s*$/);
    expect(intact.code).toBe(0);

    const [{ event_id: eventId }] = await sources.supervision.dataSource.query(`SELECT event_id FROM events WHERE stream_id = 'rating-R3'`);
    await sources.supervision.dataSource.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await sources.supervision.dataSource.query(`UPDATE events SET data = jsonb_set(data, '{grade}', '"RATING_GRADE_SATISFIED"') WHERE event_id = $1`, [eventId]);
    await sources.supervision.dataSource.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    const broken = await audit(['verify', '--database', `supervision=${sources.supervision.database.url}`]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`supervision: BROKEN at event ${eventId}`);
    const replay = await audit(['replay', '--bulletin', `${single.url}/bulletins/${bulletin.bulletinId}`, '--brokers', brokers, '--database', `supervision=${sources.supervision.database.url}`]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain(`ALTERED event ${eventId}`);
  });
});
