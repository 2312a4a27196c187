import { EVENT_STORE_MIGRATIONS, grantServiceRole } from '@sangeyipi/eventstore';
import { CreateMessaging1764300000100 } from './1764300000100-create-messaging.migration';

export const MESSAGING_MIGRATIONS = [CreateMessaging1764300000100];

/** Every migration a service needs for its event store, relay and consumers, in order. */
export const BACKBONE_MIGRATIONS = [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS];

/**
 * What a service passes to PlatformModule.forService for its event store and messaging tables:
 * their migrations, and the grants of its runtime role (append-only on the event history).
 */
export const BACKBONE_DATABASE = { migrations: BACKBONE_MIGRATIONS, grantRuntimeRole: grantServiceRole } as const;
