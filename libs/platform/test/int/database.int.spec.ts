import { type INestApplication, Module } from '@nestjs/common';
import { Column, DataSource, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, testInfrastructure, type TestDatabase, TEST_JWT_SECRET } from '@sangeyipi/testing';
import { createServiceApp, PlatformModule } from '../../src';

@Entity('probe_note')
class ProbeNote {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  body!: string;
}

class CreateProbeNote1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE probe_note (id text PRIMARY KEY, body text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_note');
  }
}

@Module({
  imports: [PlatformModule.forService({ name: 'database-probe', entities: [ProbeNote], migrations: [CreateProbeNote1700000000000] })],
})
class DatabaseProbeModule {}

describe('the service database', () => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    const infra = testInfrastructure();
    database = await createTestDatabase('database');
    env = { DATABASE_URL: database.url, KAFKA_BROKERS: infra.kafkaBrokers.join(','), REDIS_URL: infra.redisUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' };
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("runs the service's migrations at start, once, and maps its entities", async () => {
    let app: INestApplication = await createServiceApp(DatabaseProbeModule, { env });
    await app.get(DataSource).getRepository(ProbeNote).save({ id: 'n1', body: 'kept across restarts' });
    await app.close();

    app = await createServiceApp(DatabaseProbeModule, { env });
    const dataSource = app.get(DataSource);

    await expect(dataSource.getRepository(ProbeNote).findOneBy({ id: 'n1' })).resolves.toEqual({ id: 'n1', body: 'kept across restarts' });
    await expect(dataSource.query('SELECT name FROM migrations')).resolves.toEqual([{ name: 'CreateProbeNote1700000000000' }]);
    await app.close();
  });
});
