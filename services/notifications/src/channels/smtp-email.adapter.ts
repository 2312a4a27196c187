import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NotificationsConfig } from '../config/notifications.config';
import { DeliveryFailedError, type ChannelAdapter, type OutgoingMessage } from './channel.adapter';

/** E-mail over SMTP (SMTP_URL). A 5xx answer (e.g. unknown mailbox) is permanent; the rest is retried. */
@Injectable()
export class SmtpEmailAdapter implements ChannelAdapter, OnModuleDestroy {
  readonly channel = 'email';
  private readonly transport?: Transporter;

  constructor(private readonly config: NotificationsConfig) {
    if (config.SMTP_URL) {
      const timeout = config.CHANNEL_TIMEOUT_MS;
      this.transport = createTransport({ url: config.SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
    }
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.transport) throw new DeliveryFailedError('no SMTP server is configured (SMTP_URL)', true);
    try {
      await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: message.address,
        subject: message.subject,
        text: message.body,
        headers: { 'X-Delivery-Id': message.deliveryId },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      throw new DeliveryFailedError(`SMTP: ${(error as Error).message}`, code !== undefined && code >= 500);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
