import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { eventToJson, notifications } from '@sangeyipi/contracts';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import { EventBackboneService } from '@sangeyipi/messaging';
import { CLOCK, MetricsRegistry, type Clock } from '@sangeyipi/platform';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { CHANNEL_ADAPTERS, DeliveryFailedError, type ChannelAdapter } from '../channels/channel.adapter';
import { NotificationsConfig } from '../config/notifications.config';
import { CHANNELS, type Channel } from '../notification/notification.types';
import { isLimitedKind, isRateLimited, rateWindow, type RateLimit } from '../notification/rate-limit.policy';
import { afterFailedAttempt, isAbandoned, type RetryPolicy } from '../notification/retry.policy';
import { DeliveryDedupStore } from './delivery-dedup.store';
import { DeliveryOutboxRepository, type ClaimedDelivery, type DeliveryRowOutcome } from './delivery-outbox.repository';
import { RecipientRateCounter } from './recipient-rate.counter';

const CHANNEL_CONTRACT: Record<Channel, notifications.NotificationChannel> = {
  inbox: notifications.NotificationChannel.PORTAL,
  email: notifications.NotificationChannel.EMAIL,
  sms: notifications.NotificationChannel.SMS,
  webhook: notifications.NotificationChannel.WEBHOOK,
};

/** What one claimed delivery came to, before it is recorded. */
type AttemptResult =
  | { kind: 'delivered' }
  | { kind: 'failed'; failure: DeliveryFailedError }
  | { kind: 'rate-limited'; until: Date; window: { id: number; endsAt: Date } };

/**
 * Drains the delivery outbox; every replica runs one. A delivery is claimed with a lease in one
 * short statement (SKIP LOCKED, `claimed_until`), sent outside any transaction, and its outcome is
 * recorded with the DeliveryAttempted event in a second short transaction, fenced by the claim
 * count: a replica whose lease ran out records nothing. So a slow channel never holds a transaction
 * open (which would hold back every relay's watermark), and a delivery whose replica died mid-send
 * is taken over by another replica once the lease has run out.
 *
 * Each channel has its own slots (DELIVERY_CONCURRENCY), so a slow SMTP server holds up only e-mail.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryWorker');
  /** Names this replica in `claimed_by`: host, process and a random part (two apps in one process differ). */
  readonly replicaId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly adapters: ReadonlyMap<Channel, ChannelAdapter>;
  private readonly retryPolicy: RetryPolicy;
  private readonly rateLimit: RateLimit;
  private readonly attempts: Counter<'channel' | 'outcome'>;
  private readonly busy = new Map<Channel, number>(CHANNELS.map((channel) => [channel, 0]));
  private readonly inFlight = new Set<Promise<void>>();
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

  /** Stops claiming, then lets the sends in flight finish and be recorded. */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled(this.inFlight);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let started = 0;
      try {
        started = await this.claimIntoFreeSlots();
      } catch (error) {
        this.logger.error({ err: error }, 'claiming deliveries failed; retrying at the next poll');
      }
      // More may be due at once; otherwise wait for the poll or for a slot to come free.
      if (started === 0) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.config.DELIVERY_POLL_MS);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Claims due deliveries for every channel with free slots and starts sending them; how many started. */
  private async claimIntoFreeSlots(): Promise<number> {
    let started = 0;
    for (const channel of CHANNELS) {
      const free = this.config.DELIVERY_CONCURRENCY - (this.busy.get(channel) ?? 0);
      if (free <= 0 || !this.running) continue;
      const claimed = await this.outbox.claimDue(channel, free, this.replicaId, this.config.DELIVERY_LEASE_MS, this.clock.now());
      for (const delivery of claimed) this.start(delivery);
      started += claimed.length;
    }
    return started;
  }

  private start(delivery: ClaimedDelivery): void {
    this.busy.set(delivery.channel, (this.busy.get(delivery.channel) ?? 0) + 1);
    const task = this.process(delivery)
      .catch((error) => this.logger.error({ err: error, deliveryId: delivery.id }, 'delivery not recorded; it is taken up again when its lease runs out'))
      .finally(() => {
        this.busy.set(delivery.channel, (this.busy.get(delivery.channel) ?? 1) - 1);
        this.inFlight.delete(task);
        this.wake?.();
      });
    this.inFlight.add(task);
  }

  private async process(delivery: ClaimedDelivery): Promise<void> {
    const window = rateWindow(this.clock.now(), this.rateLimit);
    const claimsWithoutOutcome = delivery.claimCount - 1 - delivery.eventsRecorded;
    if (isAbandoned(claimsWithoutOutcome, this.retryPolicy)) {
      const failure = new DeliveryFailedError(`given up: ${claimsWithoutOutcome} replicas stopped while sending it`, true);
      return this.record(delivery, { kind: 'failed', failure }, window);
    }
    const sent = await this.rateCounter.sentInWindow(delivery.recipientId, window);
    const result: AttemptResult = isRateLimited(delivery.channel, delivery.urgent, sent, this.rateLimit)
      ? { kind: 'rate-limited', until: window.endsAt, window }
      : await this.send(delivery);
    await this.record(delivery, result, window);
  }

  /**
   * Sends outside any transaction. The worker waits at most half the lease, so that the outcome is
   * recorded before another replica may take the delivery over.
   */
  private async send(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const adapter = this.adapters.get(delivery.channel);
    if (!adapter) return { kind: 'failed', failure: new DeliveryFailedError(`no adapter for channel ${delivery.channel}`, true) };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryFailedError(`no answer within ${this.config.DELIVERY_LEASE_MS / 2} ms`)), this.config.DELIVERY_LEASE_MS / 2);
    });
    try {
      await Promise.race([adapter.send({ ...delivery, deliveryId: delivery.id }), deadline]);
      return { kind: 'delivered' };
    } catch (error) {
      return { kind: 'failed', failure: error instanceof DeliveryFailedError ? error : new DeliveryFailedError((error as Error).message) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Updates the row and appends DeliveryAttempted in one short transaction, unless the claim was lost. */
  private async record(delivery: ClaimedDelivery, result: AttemptResult, window: { id: number; endsAt: Date }): Promise<void> {
    const now = this.clock.now();
    const attemptNumber = delivery.attempts + 1;
    const { row, event } = this.outcomeOf(result, attemptNumber, now);
    const recorded = await this.dataSource.transaction(async (manager) => {
      if (!(await this.outbox.finish(delivery, row, manager))) return false;
      const data = eventToJson('notifications.DeliveryAttempted', {
        notificationId: delivery.id,
        triggerEventId: delivery.triggerEventId,
        triggerEventType: delivery.triggerEventType,
        recipientId: delivery.recipientId,
        channel: CHANNEL_CONTRACT[delivery.channel],
        templateId: delivery.templateId,
        templateVersion: delivery.templateVersion,
        attemptNumber,
        outcome: event.outcome,
        failureReason: event.failureReason ?? '',
        nextAttemptAt: event.nextAttemptAt?.toISOString() ?? '',
      });
      await this.store.append(delivery.id, delivery.eventsRecorded, [{ type: 'notifications.DeliveryAttempted', data }], {
        metadata: { correlationId: delivery.correlationId, causationId: delivery.triggerEventId },
        manager,
      });
      return true;
    });
    if (!recorded) {
      this.logger.warn({ deliveryId: delivery.id }, 'the lease ran out and another replica took the delivery over; this outcome is not recorded');
      return;
    }
    this.backbone.notifyAppended();
    this.attempts.inc({ channel: delivery.channel, outcome: notifications.DeliveryOutcome[event.outcome].toLowerCase() });
    if (result.kind === 'delivered') {
      void this.dedup.remember(delivery.dedupKey);
      if (isLimitedKind(delivery.channel, delivery.urgent)) void this.rateCounter.recordSent(delivery.recipientId, window, now);
    }
  }

  private outcomeOf(
    result: AttemptResult,
    attemptNumber: number,
    now: Date,
  ): { row: DeliveryRowOutcome; event: { outcome: notifications.DeliveryOutcome; failureReason?: string; nextAttemptAt?: Date } } {
    const { DeliveryOutcome } = notifications;
    if (result.kind === 'delivered') return { row: { kind: 'delivered', at: now }, event: { outcome: DeliveryOutcome.DELIVERED } };
    if (result.kind === 'rate-limited') {
      return { row: { kind: 'postponed', until: result.until }, event: { outcome: DeliveryOutcome.RATE_LIMITED, nextAttemptAt: result.until } };
    }
    const error = result.failure.message;
    const verdict = afterFailedAttempt(attemptNumber, result.failure.permanent, now, this.retryPolicy);
    if (verdict.outcome === 'retry') {
      return {
        row: { kind: 'retry', nextAttemptAt: verdict.nextAttemptAt, error },
        event: { outcome: DeliveryOutcome.FAILED_RETRYING, failureReason: error, nextAttemptAt: verdict.nextAttemptAt },
      };
    }
    return { row: { kind: 'failed', at: now, error }, event: { outcome: DeliveryOutcome.FAILED_PERMANENTLY, failureReason: error } };
  }
}
