import {
  CONTEXT_TOPICS,
  KAFKA_IMAGE,
  NAMESPACE,
  OPTIONAL_SECRET_KEYS,
  SERVICE_SECRET_KEYS,
  SHARED_SECRET_KEYS,
  SHARED_SETTINGS,
  TERMINATION_GRACE_SECONDS,
  TOPIC_PARTITIONS,
  TOPIC_REPLICATION,
  type ServicePlan,
} from './cluster-plan';

export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

const SHARED_CONFIG = 'sangeyipi-shared';
const SHARED_SECRET = 'sangeyipi-shared';

function labels(service: string): Record<string, string> {
  return { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': 'sangeyipi' };
}

function secretEnv(secretName: string, key: string) {
  return { name: key, valueFrom: { secretKeyRef: { name: secretName, key, ...(OPTIONAL_SECRET_KEYS.has(key) ? { optional: true } : {}) } } };
}

/** The gateway reaches every other service through its cluster Service. */
function serviceUrls(all: readonly ServicePlan[]) {
  return all
    .filter((other) => other.name !== 'gateway')
    .map((other) => ({ name: `SERVICE_URL_${other.name.toUpperCase()}`, value: `http://${other.name}.${NAMESPACE}.svc:${other.port}` }));
}

/** Namespace, shared settings, and the job that creates every context's topic. */
export function platformManifests(): Manifest[] {
  const topicCommands = CONTEXT_TOPICS.map(
    (topic) =>
      `/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$KAFKA_BROKERS" --create --if-not-exists --topic ${topic} ` +
      `--partitions ${TOPIC_PARTITIONS} --replication-factor ${TOPIC_REPLICATION} --config retention.ms=-1 --config min.insync.replicas=2`,
  );
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: SHARED_CONFIG, namespace: NAMESPACE }, data: { ...SHARED_SETTINGS } },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'create-topics', namespace: NAMESPACE },
      spec: {
        backoffLimit: 10,
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'create-topics', 'app.kubernetes.io/part-of': 'sangeyipi' } },
          spec: {
            restartPolicy: 'OnFailure',
            containers: [
              {
                name: 'create-topics',
                image: KAFKA_IMAGE,
                envFrom: [{ configMapRef: { name: SHARED_CONFIG } }],
                command: ['sh', '-c', ['set -e', ...topicCommands].join('\n')],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              },
            ],
          },
        },
      },
    },
  ];
}

/** Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget of one service. */
export function serviceManifests(service: ServicePlan, all: readonly ServicePlan[]): Manifest[] {
  const metadata = { name: service.name, namespace: NAMESPACE, labels: labels(service.name) };
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 3,
    failureThreshold,
  });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas: service.replicas.min,
        selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labels(service.name), annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': String(service.port) } },
          spec: {
            terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
            securityContext: { runAsNonRoot: true, runAsUser: 1000 },
            containers: [
              {
                name: service.name,
                image: service.image,
                ports: [{ name: 'http', containerPort: service.port }],
                env: [
                  { name: 'PORT', value: String(service.port) },
                  ...SERVICE_SECRET_KEYS.map((key) => secretEnv(`sangeyipi-${service.name}`, key)),
                  ...SHARED_SECRET_KEYS.map((key) => secretEnv(SHARED_SECRET, key)),
                  ...(service.name === 'gateway' ? serviceUrls(all) : []),
                ],
                envFrom: [{ configMapRef: { name: SHARED_CONFIG } }],
                startupProbe: probe('/health/live', 2, 30),
                livenessProbe: probe('/health/live', 10, 3),
                readinessProbe: probe('/health/ready', 5, 2),
                resources: { requests: { cpu: service.resources.cpu, memory: service.resources.memory }, limits: { memory: service.resources.memoryLimit } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: { selector: { 'app.kubernetes.io/name': service.name }, ports: [{ name: 'http', port: service.port, targetPort: 'http' }] },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
        minReplicas: service.replicas.min,
        maxReplicas: service.replicas.max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': service.name } } },
    },
  ];
}
