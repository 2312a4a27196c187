import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min, ValidateBy } from 'class-validator';
import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';

const toInteger = () => Type(() => Number);

/** The lease must outlast the longest send the worker waits for (twice the channel timeout). */
const OutlastsTwoChannelTimeouts = () =>
  ValidateBy(
    {
      name: 'outlastsTwoChannelTimeouts',
      validator: {
        validate: (value, args) => typeof value === 'number' && value >= 2 * (args?.object as NotificationsConfig).CHANNEL_TIMEOUT_MS,
        defaultMessage: () => 'must be at least twice CHANNEL_TIMEOUT_MS',
      },
    },
  );

/** The notifications service's variables, on top of every service's (ServiceConfig). */
export class NotificationsConfig extends ServiceConfig {
  @ConfigVariable('an SMTP URL for outgoing e-mail, e.g. smtp://mail.example.cn:587 or smtps://user:password@host:465; without it e-mail is not sent', { secret: true })
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  readonly SMTP_URL?: string;

  @ConfigVariable('the sender of e-mail, e.g. 政务服务 <notify@example.gov.cn>')
  @IsOptional()
  readonly MAIL_FROM: string = 'notify@localhost';

  @ConfigVariable('the URL the SMS gateway takes POST {to, text} at, e.g. https://sms.example.cn/send; without it SMS is not sent', { secret: true })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  readonly SMS_GATEWAY_URL?: string;

  @ConfigVariable('quiet hours in Asia/Shanghai time as HH:MM-HH:MM (e.g. 22:00-08:00), or off')
  @IsOptional()
  @Matches(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, { message: 'must be HH:MM-HH:MM or off' })
  readonly QUIET_HOURS: string = '22:00-08:00';

  @ConfigVariable('the most non-urgent e-mails and SMS one recipient gets per hour, e.g. 10')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly RATE_LIMIT_PER_HOUR: number = 10;

  @ConfigVariable('attempts per delivery before it is recorded as failed, e.g. 5')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_MAX_ATTEMPTS: number = 5;

  @ConfigVariable('milliseconds before the first retry of a failed delivery; doubles each time, e.g. 30000')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_RETRY_BASE_MS: number = 30_000;

  @ConfigVariable('the longest wait between retries in milliseconds, e.g. 3600000')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_RETRY_MAX_MS: number = 3_600_000;

  @ConfigVariable('milliseconds between polls of the delivery outbox, e.g. 1000')
  @IsOptional()
  @Min(10, { message: 'must be at least 10' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_POLL_MS: number = 1_000;

  @ConfigVariable('milliseconds a channel (SMTP, SMS gateway, webhook) may take to answer, e.g. 5000')
  @IsOptional()
  @Min(100, { message: 'must be at least 100' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly CHANNEL_TIMEOUT_MS: number = 5_000;

  @ConfigVariable('deliveries one replica sends at once on each channel, e.g. 4; a slow channel then holds only its own slots')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_CONCURRENCY: number = 4;

  @ConfigVariable('milliseconds a replica holds a claimed delivery before another replica may take it over, e.g. 60000; at least twice CHANNEL_TIMEOUT_MS')
  @IsOptional()
  @OutlastsTwoChannelTimeouts()
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly DELIVERY_LEASE_MS: number = 60_000;

  @ConfigVariable('working days before a rectification is due that the unit is reminded (at 09:00 Asia/Shanghai), e.g. 2')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @toInteger()
  readonly RECTIFICATION_REMINDER_WORKING_DAYS: number = 2;
}
