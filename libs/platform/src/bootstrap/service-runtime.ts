import type { Params } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import type { ServiceConfig } from '../config/service-config.schema';

/**
 * What `createServiceApp` prepares before Nest starts (validated configuration, root logger) and
 * hands to `PlatformModule` through this token. Internal to the platform library.
 */
export const SERVICE_RUNTIME = Symbol('sangeyipi:service-runtime');

export interface ServiceRuntime {
  readonly name: string;
  readonly config: ServiceConfig;
  readonly logger: PinoLogger;
  readonly loggerParams: Params;
}

/** Injection token of the service's name, e.g. `'catalog'`. */
export const SERVICE_NAME = Symbol('sangeyipi:service-name');
