import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlannedDelivery } from '../notification/delivery-plan';
import type { Channel, TemplateId } from '../notification/notification.types';

/** The event a delivery answers. */
export interface DeliveryTrigger {
  eventId: string;
  eventType: string;
  correlationId: string;
  caseId?: string;
}

/** A row of the outbox, as the worker sends it. */
export interface OutboxDelivery {
  id: string;
  dedupKey: string;
  triggerEventId: string;
  triggerEventType: string;
  correlationId: string;
  recipientId: string;
  channel: Channel;
  address: string;
  templateId: TemplateId;
  templateVersion: number;
  subject: string;
  body: string;
  caseId?: string;
  urgent: boolean;
  attempts: number;
  eventsRecorded: number;
}

/** What operators see of a failed delivery: no address and no message text. */
export interface FailedDelivery {
  id: string;
  triggerEventId: string;
  triggerEventType: string;
  recipientId: string;
  channel: Channel;
  templateId: TemplateId;
  attempts: number;
  lastError: string;
  failedAt: Date;
}

/**
 * The outbox of deliveries: written in the consumer's transaction, drained by the delivery worker.
 * The unique de-duplication key is the last line against sending the same event twice.
 */
@Injectable()
export class DeliveryOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a delivery unless one with its key exists; true when added. */
  async add(planned: PlannedDelivery, trigger: DeliveryTrigger, now: Date, manager: EntityManager): Promise<boolean> {
    const { message } = planned;
    const inserted = await manager.query(
      `INSERT INTO deliveries (id, dedup_key, trigger_event_id, trigger_event_type, correlation_id, recipient_id, channel, address, language,
                               template_id, template_version, subject, body, case_id, urgent, not_before, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
      [
        randomUUID(), planned.dedupKey, trigger.eventId, trigger.eventType, trigger.correlationId, planned.recipientId, planned.channel,
        planned.address, message.language, message.templateId, message.templateVersion, message.subject, message.body,
        trigger.caseId ?? null, planned.urgent, planned.notBefore, now,
      ],
    );
    return inserted.length > 0;
  }

  /** Locks the oldest due delivery no other worker holds (SKIP LOCKED), for the caller's transaction. */
  async claimNextDue(now: Date, manager: EntityManager): Promise<OutboxDelivery | undefined> {
    const [row] = await manager.query(
      `SELECT * FROM deliveries WHERE status = 'pending' AND not_before <= $1 ORDER BY not_before, seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return row && toDelivery(row);
  }

  async markDelivered(id: string, attempts: number, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = 'delivered', attempts = $2, events_recorded = events_recorded + 1, finished_at = $3, last_error = NULL WHERE id = $1`,
      [id, attempts, now],
    );
  }

  async scheduleRetry(id: string, attempts: number, nextAttemptAt: Date, error: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE deliveries SET attempts = $2, events_recorded = events_recorded + 1, not_before = $3, last_error = $4 WHERE id = $1`, [
      id, attempts, nextAttemptAt, error,
    ]);
  }

  /** Holds a delivery back without counting an attempt (the recipient's rate limit). */
  async postpone(id: string, until: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE deliveries SET events_recorded = events_recorded + 1, not_before = $2 WHERE id = $1`, [id, until]);
  }

  async markFailed(id: string, attempts: number, error: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET status = 'failed', attempts = $2, events_recorded = events_recorded + 1, last_error = $3, finished_at = $4 WHERE id = $1`,
      [id, attempts, error, now],
    );
  }

  /** Non-urgent intrusive messages delivered to a recipient since an instant (the rate limit's fallback count). */
  async countSentSince(recipientId: string, since: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS sent FROM deliveries
        WHERE recipient_id = $1 AND status = 'delivered' AND finished_at >= $2 AND channel IN ('email', 'sms') AND NOT urgent`,
      [recipientId, since],
    );
    return row.sent;
  }

  async listFailed(limit: number): Promise<FailedDelivery[]> {
    const rows = await this.dataSource.query(
      `SELECT id, trigger_event_id, trigger_event_type, recipient_id, channel, template_id, attempts, last_error, finished_at
         FROM deliveries WHERE status = 'failed' ORDER BY finished_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row: Record<string, unknown>) => ({
      id: row.id,
      triggerEventId: row.trigger_event_id,
      triggerEventType: row.trigger_event_type,
      recipientId: row.recipient_id,
      channel: row.channel,
      templateId: row.template_id,
      attempts: row.attempts,
      lastError: row.last_error,
      failedAt: row.finished_at,
    }));
  }
}

function toDelivery(row: Record<string, never>): OutboxDelivery {
  return {
    id: row.id,
    dedupKey: row.dedup_key,
    triggerEventId: row.trigger_event_id,
    triggerEventType: row.trigger_event_type,
    correlationId: row.correlation_id,
    recipientId: row.recipient_id,
    channel: row.channel,
    address: row.address,
    templateId: row.template_id,
    templateVersion: row.template_version,
    subject: row.subject,
    body: row.body,
    caseId: row.case_id ?? undefined,
    urgent: row.urgent,
    attempts: row.attempts,
    eventsRecorded: row.events_recorded,
  };
}
