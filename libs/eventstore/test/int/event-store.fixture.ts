import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@sangeyipi/testing';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, type EventStoreOptions } from '@sangeyipi/eventstore';

export interface EventStoreFixture {
  database: TestDatabase;
  dataSource: DataSource;
  store: PostgresEventStore;
  close(): Promise<void>;
}

/** A fresh, migrated database with an event store on it, connected as the superuser. */
export async function createEventStoreFixture(label: string, options: EventStoreOptions = {}, poolSize = 20): Promise<EventStoreFixture> {
  const database = await createTestDatabase(label);
  const dataSource = await connect(database.url, poolSize, true);
  return {
    database,
    dataSource,
    store: new PostgresEventStore(dataSource, options),
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export async function connect(url: string, poolSize = 10, runMigrations = false): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: EVENT_STORE_MIGRATIONS, extra: { max: poolSize } });
  await dataSource.initialize();
  if (runMigrations) await dataSource.runMigrations();
  return dataSource;
}
