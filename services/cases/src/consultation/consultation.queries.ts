import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConsultationRecorded } from './consultation.events';

/** Lists a unit's consultations straight from the event store (newest first, 200 at most). */
@Injectable()
export class ConsultationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forUnit(unitId: string): Promise<ConsultationRecorded['data'][]> {
    const rows = (await this.dataSource.query(
      `SELECT data FROM events
        WHERE event_type = 'cases.ConsultationRecorded' AND stream_id LIKE 'consultation-%' AND data->>'unitId' = $1
        ORDER BY position DESC LIMIT 200`,
      [unitId],
    )) as { data: ConsultationRecorded['data'] }[];
    return rows.map((row) => row.data);
  }
}
