/**
 * The bounded contexts that publish integration events, and their Kafka topics
 * (`<context>.events.v1`, ARCHITECTURE.md). A topic is never renamed without a migration.
 */
export const TOPICS = {
  catalog: 'catalog.events.v1',
  cases: 'cases.events.v1',
  projects: 'projects.events.v1',
  supervision: 'supervision.events.v1',
  notifications: 'notifications.events.v1',
  analytics: 'analytics.events.v1',
} as const;

/** A context that publishes events, e.g. `cases`. */
export type Context = keyof typeof TOPICS;

/** A topic name, e.g. `cases.events.v1`. */
export type Topic = (typeof TOPICS)[Context];

/** Every publishing context, in a stable order. */
export const CONTEXTS = Object.keys(TOPICS) as readonly Context[];
