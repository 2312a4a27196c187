import { CONTEXT_TOPICS, KAFKA_IMAGE, type ServicePlan } from './cluster-plan';

const POSTGRES_IMAGE = 'postgres:17-bookworm';
const REDIS_IMAGE = 'redis:7.4-bookworm';
/** A development key for the compose stack only; a real deployment takes AUTH_JWT_SECRET from its secret store. */
const COMPOSE_SIGNING_KEY = '${AUTH_JWT_SECRET:-compose-only-signing-key-change-me-0123456789}';

/** The distributed stack for one Docker host: Kafka (KRaft), PostgreSQL, Redis and every service. */
export function composeFile(services: readonly ServicePlan[]): Record<string, unknown> {
  const infrastructure = {
    kafka: {
      image: KAFKA_IMAGE,
      environment: {
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
      },
      healthcheck: {
        test: ['CMD-SHELL', '/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null'],
        interval: '10s',
        retries: 12,
      },
    },
    'create-topics': {
      image: KAFKA_IMAGE,
      depends_on: { kafka: { condition: 'service_healthy' } },
      command: [
        'sh',
        '-c',
        CONTEXT_TOPICS.map(
          (topic) => `/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic ${topic} --partitions 6 --replication-factor 1`,
        ).join(' && '),
      ],
    },
    postgres: {
      image: POSTGRES_IMAGE,
      environment: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
      volumes: ['postgres-data:/var/lib/postgresql/data', './postgres-init.sql:/docker-entrypoint-initdb.d/init.sql:ro'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'postgres'], interval: '5s', retries: 20 },
    },
    redis: { image: REDIS_IMAGE, healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '5s', retries: 20 } },
  };
  const platform = Object.fromEntries(
    services.map((service) => [
      service.name,
      {
        build: { context: '../..', dockerfile: 'deploy/cluster/Dockerfile', args: { SERVICE: service.name } },
        image: service.image,
        ...(service.name === 'gateway' ? { ports: [`3000:${service.port}`] } : {}),
        environment: {
          PORT: String(service.port),
          DATABASE_URL: `postgres://postgres@postgres:5432/sangeyipi_${service.name}`,
          KAFKA_BROKERS: 'kafka:9092',
          REDIS_URL: 'redis://redis:6379',
          AUTH_JWT_SECRET: COMPOSE_SIGNING_KEY,
          ...(service.name === 'gateway'
            ? Object.fromEntries(services.filter((other) => other.name !== 'gateway').map((other) => [`SERVICE_URL_${other.name.toUpperCase()}`, `http://${other.name}:${other.port}`]))
            : {}),
        },
        depends_on: {
          postgres: { condition: 'service_healthy' },
          redis: { condition: 'service_healthy' },
          'create-topics': { condition: 'service_completed_successfully' },
        },
      },
    ]),
  );
  return { name: 'sangeyipi', services: { ...infrastructure, ...platform }, volumes: { 'postgres-data': {} } };
}

/** The SQL the PostgreSQL container runs on its first start: one database per service. */
export function postgresInitSql(services: readonly ServicePlan[]): string {
  return services.map((service) => `CREATE DATABASE sangeyipi_${service.name};`).join('\n') + '\n';
}
