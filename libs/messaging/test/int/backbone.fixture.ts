import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS, EventLog, PostgresEventStore, type SealedEvent } from '@sangeyipi/eventstore';
import { createKafka, MESSAGING_MIGRATIONS } from '@sangeyipi/messaging';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase } from '@sangeyipi/testing';

export const TOPIC_SETTINGS = { partitions: 3, replicationFactor: 1 };

export interface BackboneFixture {
  database: TestDatabase;
  dataSource: DataSource;
  store: PostgresEventStore;
  log: EventLog;
  close(): Promise<void>;
}

/** A migrated service database: event store plus the messaging tables. */
export async function createBackboneFixture(label: string): Promise<BackboneFixture> {
  const database = await createTestDatabase(label);
  const dataSource = await openDataSource(database.url);
  await dataSource.runMigrations();
  const store = new PostgresEventStore(dataSource);
  return {
    database,
    dataSource,
    store,
    log: new EventLog(store),
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS], extra: { max: 10 } });
  return dataSource.initialize();
}

export function testKafka(clientId: string) {
  return createKafka({ clientId, brokers: testInfrastructure().kafkaBrokers });
}

/** A case-received event as the cases service would append it, carrying an amount to sum. */
export function caseReceived(caseId: string, amount: number) {
  return {
    type: 'cases.CaseReceived',
    data: { caseId, receiptVoucherNumber: `RV-${amount}`, itemId: 'item-1', unitId: 'unit-1', handlerBadge: String(amount) },
  };
}

/**
 * Seals until exactly `count` events are sealed, and returns them. Sealing stops at the cluster-wide
 * watermark, so a transaction running in another test's database can hold fresh events back briefly.
 */
export async function sealAll(fixture: Pick<BackboneFixture, 'log'>, count: number): Promise<SealedEvent[]> {
  return (await eventually(async (): Promise<SealedEvent[] | false> => {
    await fixture.log.sealNext();
    const sealed = await fixture.log.readSealed(0n, count + 1);
    return sealed.length === count && sealed;
  })) as SealedEvent[];
}
