import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InboxMessage } from './inbox-message';

/** Reads and marks a person's inbox; rows are written by the inbox channel adapter. */
@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(personId: string, { unreadOnly, limit }: { unreadOnly: boolean; limit: number }): Promise<InboxMessage[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM inbox_messages WHERE person_id = $1 AND ($2::boolean = false OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3`,
      [personId, unreadOnly, limit],
    );
    return rows.map((row: Record<string, never>) => toMessage(row));
  }

  /** Marks a message read; false when the person has no such message. */
  async markRead(personId: string, id: string, now: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE inbox_messages SET read_at = coalesce(read_at, $3) WHERE id = $1 AND person_id = $2`,
      [id, personId, now],
    );
    return affected > 0;
  }
}

function toMessage(row: Record<string, never>): InboxMessage {
  return {
    id: row.id,
    personId: row.person_id,
    templateId: row.template_id,
    subject: row.subject,
    body: row.body,
    caseId: row.case_id,
    createdAt: (row.created_at as Date).toISOString(),
    readAt: row.read_at ? (row.read_at as Date).toISOString() : null,
  };
}
