import { CreateEventStore1764300000000 } from './1764300000000-create-event-store.migration';

export const EVENT_STORE_MIGRATIONS = [CreateEventStore1764300000000];
