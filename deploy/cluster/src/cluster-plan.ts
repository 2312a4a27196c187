import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How one service runs in a cluster. */
export interface ServicePlan {
  name: string;
  /** The port the service listens on (deploy/local/services.conf), also its container port. */
  port: number;
  image: string;
  replicas: { min: number; max: number };
  /** Services that only consume events scale no further than the topics' partitions. */
  resources: { cpu: string; memory: string; memoryLimit: string };
}

export const NAMESPACE = 'sangeyipi';
export const IMAGE_REGISTRY = 'ghcr.io/sangeyipi';
export const IMAGE_TAG = '0.1.0';
export const KAFKA_IMAGE = 'apache/kafka:4.1.1';
export const TOPIC_PARTITIONS = 6;
export const TOPIC_REPLICATION = 3;
/** Every context's topic (libs/contracts TOPICS), created before the services start. */
export const CONTEXT_TOPICS = ['catalog', 'cases', 'projects', 'supervision', 'notifications', 'analytics'].map((context) => `${context}.events.v1`);
/** Time the pod gets after SIGTERM: the services' SHUTDOWN_TIMEOUT_MS (10 s) plus the close grace (5 s). */
export const TERMINATION_GRACE_SECONDS = 20;

/** Shared, non-secret settings every service reads (a ConfigMap). */
export const SHARED_SETTINGS: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: 'kafka-0.kafka.sangeyipi.svc:9092,kafka-1.kafka.sangeyipi.svc:9092,kafka-2.kafka.sangeyipi.svc:9092',
  KAFKA_TOPIC_PARTITIONS: String(TOPIC_PARTITIONS),
  KAFKA_REPLICATION_FACTOR: String(TOPIC_REPLICATION),
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: '10000',
};

/** Secrets shared by every service (one Secret), and those each service has alone. */
export const SHARED_SECRET_KEYS = ['AUTH_JWT_SECRET', 'AUTH_JWT_PREVIOUS_SECRETS', 'REDIS_URL'] as const;
export const SERVICE_SECRET_KEYS = ['DATABASE_URL', 'DATABASE_MIGRATION_URL'] as const;
/** Secret keys a service may start without. */
export const OPTIONAL_SECRET_KEYS: ReadonlySet<string> = new Set(['AUTH_JWT_PREVIOUS_SECRETS', 'DATABASE_MIGRATION_URL']);

const RESOURCES: Record<string, ServicePlan['resources']> = {
  gateway: { cpu: '200m', memory: '256Mi', memoryLimit: '512Mi' },
  analytics: { cpu: '250m', memory: '512Mi', memoryLimit: '1Gi' },
};
const DEFAULT_RESOURCES: ServicePlan['resources'] = { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' };

/** The services of deploy/local/services.conf as they run in the cluster. */
export function planServices(projectRoot: string): ServicePlan[] {
  return readFileSync(join(projectRoot, 'deploy/local/services.conf'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name = '', port = ''] = line.split(/\s+/);
      return {
        name,
        port: Number(port),
        image: `${IMAGE_REGISTRY}/sangeyipi-${name}:${IMAGE_TAG}`,
        replicas: { min: 2, max: name === 'analytics' ? TOPIC_PARTITIONS : 10 },
        resources: RESOURCES[name] ?? DEFAULT_RESOURCES,
      };
    });
}
