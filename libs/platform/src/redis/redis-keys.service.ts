import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_NAME } from '../bootstrap/service-name.token';
import { ServiceConfig } from '../config/service-config.schema';

/**
 * Builds the service's Redis keys under its prefix (`REDIS_KEY_PREFIX`, by default the service name
 * and a colon), so that services sharing a Redis never touch each other's keys.
 */
@Injectable()
export class RedisKeys {
  readonly prefix: string;

  constructor(config: ServiceConfig, @Inject(SERVICE_NAME) service: string) {
    this.prefix = config.REDIS_KEY_PREFIX ?? `${service}:`;
  }

  /** `key('idempotency', id)` → `catalog:idempotency:<id>`. */
  key(...parts: readonly (string | number)[]): string {
    if (parts.length === 0) throw new Error('a Redis key needs at least one part');
    return this.prefix + parts.join(':');
  }
}
