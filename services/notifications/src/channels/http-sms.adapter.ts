import { Injectable } from '@nestjs/common';
import { NotificationsConfig } from '../config/notifications.config';
import { DeliveryFailedError, postJson, type ChannelAdapter, type OutgoingMessage } from './channel.adapter';

/** SMS through the configured HTTP gateway: POST `{ to, text }` to SMS_GATEWAY_URL. */
@Injectable()
export class HttpSmsAdapter implements ChannelAdapter {
  readonly channel = 'sms';

  constructor(private readonly config: NotificationsConfig) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.config.SMS_GATEWAY_URL) throw new DeliveryFailedError('no SMS gateway is configured (SMS_GATEWAY_URL)', true);
    await postJson(this.config.SMS_GATEWAY_URL, { to: message.address, text: `【${message.subject}】${message.body}` }, this.config.CHANNEL_TIMEOUT_MS, {
      'idempotency-key': message.deliveryId,
    });
  }
}
