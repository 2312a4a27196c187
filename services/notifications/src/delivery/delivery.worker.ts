import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { eventToJson, notifications } from '@sangeyipi/contracts';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { EventBackboneService } from '@sangeyipi/messaging';
import { CLOCK, MetricsRegistry, type Clock } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { CHANNEL_ADAPTERS, DeliveryFailedError, type ChannelAdapter, type DeliveryContext } from '../channels/channel.adapter';
import { NotificationsConfig } from '../config/notifications.config';
import type { Channel } from '../notification/notification.types';
import { isLimitedKind, isRateLimited, rateWindow, type RateLimit } from '../notification/rate-limit.policy';
import { afterFailedAttempt, type RetryPolicy } from '../notification/retry.policy';
import { DeliveryDedupStore } from './delivery-dedup.store';
import { DeliveryOutboxRepository, type OutboxDelivery } from './delivery-outbox.repository';
import { RecipientRateCounter } from './recipient-rate.counter';

const CHANNEL_CONTRACT: Record<Channel, notifications.NotificationChannel> = {
  inbox: notifications.NotificationChannel.PORTAL,
  email: notifications.NotificationChannel.EMAIL,
  sms: notifications.NotificationChannel.SMS,
  webhook: notifications.NotificationChannel.WEBHOOK,
};

interface AttemptRecord {
  attemptNumber: number;
  outcome: notifications.DeliveryOutcome;
  failureReason?: string;
  nextAttemptAt?: Date;
}

/**
 * Drains the delivery outbox. Every replica runs one: each delivery is taken in its own
 * transaction with FOR UPDATE SKIP LOCKED, so replicas share the work and never send the same
 * row at once. The row's new state and the DeliveryAttempted event commit together.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly adapters: ReadonlyMap<Channel, ChannelAdapter>;
  private readonly retryPolicy: RetryPolicy;
  private readonly rateLimit: RateLimit;
  private readonly attempts: Counter<'channel' | 'outcome'>;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: DeliveryOutboxRepository,
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    private readonly dedup: DeliveryDedupStore,
    private readonly rateCounter: RecipientRateCounter,
    private readonly config: NotificationsConfig,
    @Inject(CHANNEL_ADAPTERS) adapters: readonly ChannelAdapter[],
    @Inject(CLOCK) private readonly clock: Clock,
    metrics: MetricsRegistry,
  ) {
    this.adapters = new Map(adapters.map((adapter) => [adapter.channel, adapter]));
    this.retryPolicy = { maxAttempts: config.DELIVERY_MAX_ATTEMPTS, baseDelayMs: config.DELIVERY_RETRY_BASE_MS, maxDelayMs: config.DELIVERY_RETRY_MAX_MS };
    this.rateLimit = { limit: config.RATE_LIMIT_PER_HOUR, windowMs: 3_600_000 };
    this.attempts = metrics.counter({
      name: 'notifications_delivery_attempts_total',
      help: 'Delivery attempts, by channel and outcome',
      labelNames: ['channel', 'outcome'],
    });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        while (this.running && (await this.deliverNext())) {
          // keep draining while deliveries are due
        }
      } catch (error) {
        this.logger.error({ err: error }, 'delivery round failed; retrying at the next poll');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.DELIVERY_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Attempts the oldest due delivery; false when none is due. */
  private async deliverNext(): Promise<boolean> {
    const committed: (() => void)[] = [];
    const found = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const delivery = await this.outbox.claimNextDue(now, manager);
      if (!delivery) return false;
      await this.attempt(delivery, now, { manager, afterCommit: (callback) => committed.push(callback) });
      return true;
    });
    committed.forEach((callback) => callback());
    if (found) this.backbone.notifyAppended();
    return found;
  }

  private async attempt(delivery: OutboxDelivery, now: Date, context: DeliveryContext): Promise<void> {
    const { manager } = context;
    const attemptNumber = delivery.attempts + 1;
    const window = rateWindow(now, this.rateLimit);
    const sent = await this.rateCounter.sentInWindow(delivery.recipientId, window);
    if (isRateLimited(delivery.channel, delivery.urgent, sent, this.rateLimit)) {
      await this.outbox.postpone(delivery.id, window.endsAt, manager);
      return this.record(delivery, context, { attemptNumber, outcome: notifications.DeliveryOutcome.RATE_LIMITED, nextAttemptAt: window.endsAt });
    }

    try {
      const adapter = this.adapters.get(delivery.channel);
      if (!adapter) throw new DeliveryFailedError(`no adapter for channel ${delivery.channel}`, true);
      await adapter.send({ ...delivery, deliveryId: delivery.id }, context);
    } catch (error) {
      const failure = error instanceof DeliveryFailedError ? error : new DeliveryFailedError((error as Error).message);
      const verdict = afterFailedAttempt(attemptNumber, failure.permanent, now, this.retryPolicy);
      if (verdict.outcome === 'retry') {
        await this.outbox.scheduleRetry(delivery.id, attemptNumber, verdict.nextAttemptAt, failure.message, manager);
        return this.record(delivery, context, {
          attemptNumber,
          outcome: notifications.DeliveryOutcome.FAILED_RETRYING,
          failureReason: failure.message,
          nextAttemptAt: verdict.nextAttemptAt,
        });
      }
      await this.outbox.markFailed(delivery.id, attemptNumber, failure.message, now, manager);
      return this.record(delivery, context, { attemptNumber, outcome: notifications.DeliveryOutcome.FAILED_PERMANENTLY, failureReason: failure.message });
    }

    await this.outbox.markDelivered(delivery.id, attemptNumber, now, manager);
    await this.record(delivery, context, { attemptNumber, outcome: notifications.DeliveryOutcome.DELIVERED });
    context.afterCommit(() => {
      void this.dedup.remember(delivery.dedupKey);
      if (isLimitedKind(delivery.channel, delivery.urgent)) void this.rateCounter.recordSent(delivery.recipientId, window);
    });
  }

  /** Appends the attempt to the delivery's stream, in the worker's transaction. */
  private async record(delivery: OutboxDelivery, { manager, afterCommit }: DeliveryContext, attempt: AttemptRecord): Promise<void> {
    const data = eventToJson('notifications.DeliveryAttempted', {
      notificationId: delivery.id,
      triggerEventId: delivery.triggerEventId,
      triggerEventType: delivery.triggerEventType,
      recipientId: delivery.recipientId,
      channel: CHANNEL_CONTRACT[delivery.channel],
      templateId: delivery.templateId,
      templateVersion: delivery.templateVersion,
      attemptNumber: attempt.attemptNumber,
      outcome: attempt.outcome,
      failureReason: attempt.failureReason ?? '',
      nextAttemptAt: attempt.nextAttemptAt?.toISOString() ?? '',
    });
    await this.store.append(delivery.id, delivery.eventsRecorded, [{ type: 'notifications.DeliveryAttempted', data }], {
      metadata: { correlationId: delivery.correlationId, causationId: delivery.triggerEventId },
      manager,
    });
    afterCommit(() => this.attempts.inc({ channel: delivery.channel, outcome: notifications.DeliveryOutcome[attempt.outcome].toLowerCase() }));
  }
}
