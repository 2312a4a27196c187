import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The State Council holiday notices a service has received from the catalog's events
 * (catalog.HolidayNoticeEntered / HolidayNoticeCorrected): its own copy, loaded into the working-day
 * calendar before the service serves anything. One row per year, the latest arrangement; the stream
 * version keeps a late redelivery of an older event from going back.
 */
export class CreateCalendarNotices1765000000000 implements MigrationInterface {
  name = 'CreateCalendarNotices1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_notices (
        year            integer PRIMARY KEY,
        notice_number   text NOT NULL,
        title           text NOT NULL,
        rest_days       jsonb NOT NULL,
        workdays        jsonb NOT NULL,
        stream_version  integer NOT NULL,
        event_id        uuid NOT NULL,
        recorded_at     timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_notices`);
  }
}
