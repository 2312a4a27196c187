import { Client } from 'pg';
import { EventLog, grantServiceRole, verifyEventChains } from '@sangeyipi/eventstore';
import { createEventStoreFixture, type EventStoreFixture } from './event-store.fixture';
import { changeHistoryAsSuperuser } from '@sangeyipi/testing';

const metadata = { correlationId: 'tamper' };

describe('tamper evidence', () => {
  let fixture: EventStoreFixture;
  let log: EventLog;

  beforeEach(async () => {
    fixture = await createEventStoreFixture('tamper');
    log = new EventLog(fixture.store);
    for (let s = 0; s < 5; s++) {
      await fixture.store.append(`case-${s}`, 0, Array.from({ length: 4 }, (_, i) => ({ type: 'StepCompleted', data: { s, i } })), { metadata });
    }
    await log.sealNext();
  });
  afterEach(() => fixture.close());

  const asSuperuserWithoutTriggers = (sql: string, params: unknown[]) => changeHistoryAsSuperuser(fixture.database.url, sql, params);

  it('verifies an untouched history', async () => {
    const result = await verifyEventChains(fixture.dataSource);
    expect(result).toMatchObject({ ok: true, eventsChecked: 20, logEntriesChecked: 20, problemCount: 0 });
  });

  it('names the edited event when a superuser changes its data', async () => {
    const [target] = await fixture.store.readStream('case-2', { fromVersion: 3 });
    await asSuperuserWithoutTriggers(`UPDATE events SET data = '{"s":2,"i":99}' WHERE event_id = $1`, [target.eventId]);

    const result = await verifyEventChains(fixture.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({ eventId: target.eventId, streamId: 'case-2', streamVersion: 3 });
    expect(result.firstProblem?.problem).toMatch(/changed/);
  });

  it('names the deleted event when a superuser deletes one', async () => {
    const [target] = await fixture.store.readStream('case-4', { fromVersion: 4 });
    await asSuperuserWithoutTriggers(`DELETE FROM events WHERE event_id = $1`, [target.eventId]);

    const result = await verifyEventChains(fixture.dataSource);
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({ position: target.position, problem: expect.stringMatching(/deleted/) });
  });

  it('refuses UPDATE and DELETE on events to the service role, and to the owner through the trigger', async () => {
    const role = `${fixture.database.name}_app`;
    await fixture.dataSource.query(`CREATE ROLE "${role}" LOGIN`);
    const runner = fixture.dataSource.createQueryRunner();
    await grantServiceRole(runner, role);
    await runner.release();

    const url = new URL(fixture.database.url);
    url.username = role;
    const app = new Client({ connectionString: url.toString() });
    await app.connect();
    try {
      await expect(app.query(`SELECT count(*) FROM events`)).resolves.toMatchObject({ rows: [{ count: '20' }] });
      await expect(app.query(`UPDATE events SET data = '{}'`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM events`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM event_log`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
      await fixture.dataSource.query(`DROP OWNED BY "${role}"; DROP ROLE "${role}"`);
    }
    await expect(fixture.dataSource.query(`UPDATE events SET data = '{}'`)).rejects.toThrow(/append-only/);
    await expect(fixture.dataSource.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
  });
});
