import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { InboxLiveStream } from '../inbox/inbox-live.stream';
import type { ChannelAdapter, OutgoingMessage } from './channel.adapter';

/**
 * The in-app inbox: the message becomes a row of the person's inbox (keyed by the delivery id, so
 * a repeated send adds nothing) and is pushed live when the row is new.
 */
@Injectable()
export class InboxAdapter implements ChannelAdapter {
  readonly channel = 'inbox';

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: InboxLiveStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const createdAt = this.clock.now();
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO inbox_messages (id, person_id, template_id, subject, body, case_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [message.deliveryId, message.address, message.templateId, message.subject, message.body, message.caseId ?? null, createdAt],
    );
    if (inserted.length === 0) return;
    this.live.publish({
      id: message.deliveryId,
      personId: message.address,
      templateId: message.templateId,
      subject: message.subject,
      body: message.body,
      caseId: message.caseId ?? null,
      createdAt: createdAt.toISOString(),
      readAt: null,
    });
  }
}
