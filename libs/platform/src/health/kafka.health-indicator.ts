import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { SERVICE_NAME } from '../bootstrap/service-name.token';
import { ServiceConfig } from '../config/service-config.schema';
import { reasonOf, withTimeout } from './with-timeout.util';

const CHECK_TIMEOUT_MS = 2_500;

/**
 * `kafka`: the cluster describes itself to one admin client, kept connected between checks and
 * rebuilt after a failure. Its own failures are not logged: the readiness answer carries them.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly admin: Admin | undefined;
  private connection: Promise<void> | undefined;

  constructor(
    config: ServiceConfig,
    @Inject(SERVICE_NAME) service: string,
    private readonly health: HealthIndicatorService,
  ) {
    if (config.EVENT_TRANSPORT === 'in-process') return; // no broker to ask
    const kafka = new Kafka({
      clientId: `${service}-health`,
      brokers: [...config.KAFKA_BROKERS],
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    this.admin = kafka.admin({ retry: { retries: 0 } });
  }

  async check(key = 'kafka'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (!this.admin) return indicator.up({ transport: 'in-process' });
    try {
      this.connection ??= this.admin.connect();
      await withTimeout(this.connection, CHECK_TIMEOUT_MS, 'Kafka');
      const cluster = await withTimeout(this.admin.describeCluster(), CHECK_TIMEOUT_MS, 'Kafka');
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      this.connection = undefined;
      await this.admin.disconnect().catch(() => undefined);
      return indicator.down({ message: reasonOf(error) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.connection = undefined;
    await this.admin?.disconnect();
  }
}
