import { EVENT_STORE_MIGRATIONS } from '@sangeyipi/eventstore';
import { CreateMessaging1764300000100 } from './1764300000100-create-messaging.migration';

export const MESSAGING_MIGRATIONS = [CreateMessaging1764300000100];

/** Every migration a service needs for its event store, relay and consumers, in order. */
export const BACKBONE_MIGRATIONS = [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS];
