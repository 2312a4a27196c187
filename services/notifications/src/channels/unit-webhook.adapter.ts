import { Injectable } from '@nestjs/common';
import { NotificationsConfig } from '../config/notifications.config';
import { postJson, type ChannelAdapter, type OutgoingMessage } from './channel.adapter';

/** A service unit's webhook: POST the message as JSON; the delivery id doubles as idempotency key. */
@Injectable()
export class UnitWebhookAdapter implements ChannelAdapter {
  readonly channel = 'webhook';

  constructor(private readonly config: NotificationsConfig) {}

  async send(message: OutgoingMessage): Promise<void> {
    const payload = {
      deliveryId: message.deliveryId,
      triggerEventId: message.triggerEventId,
      templateId: message.templateId,
      caseId: message.caseId ?? null,
      subject: message.subject,
      body: message.body,
    };
    await postJson(message.address, payload, this.config.CHANNEL_TIMEOUT_MS, { 'idempotency-key': message.deliveryId });
  }
}
