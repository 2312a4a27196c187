import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { HealthController, loadServiceConfig, platformOptionsOf, ServiceConfig, type ConfigSchema } from '@sangeyipi/platform';
import { getMetadataStorage } from 'class-validator';
import { parseAllDocuments, parse } from 'yaml';
import { planServices, SHARED_SETTINGS, TERMINATION_GRACE_SECONDS, TOPIC_PARTITIONS, type ServicePlan } from './cluster-plan';
import { clusterFiles } from './generate';

const projectRoot = resolve(__dirname, '../../..');
const services = planServices(projectRoot);

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } };
}
interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  envFrom: { configMapRef: { name: string } }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  startupProbe: { httpGet: { path: string; port: string } };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are checked field by field below
type AnyManifest = any;

function manifestsOf(file: string): AnyManifest[] {
  const documents = parseAllDocuments(readFileSync(join(projectRoot, 'deploy/cluster/kubernetes', file), 'utf8'));
  for (const document of documents) expect(document.errors).toEqual([]);
  return documents.map((document) => document.toJS());
}

function containerOf(service: ServicePlan): Container {
  const deployment = manifestsOf(`${service.name}.yaml`).find((manifest) => manifest.kind === 'Deployment');
  return deployment.spec.template.spec.containers[0];
}

/** The routes the platform's health controller serves, e.g. /health/live. */
function healthRoutes(): string[] {
  const base = Reflect.getMetadata(PATH_METADATA, HealthController) as string;
  return Object.getOwnPropertyNames(HealthController.prototype)
    .map((method) => Reflect.getMetadata(PATH_METADATA, (HealthController.prototype as unknown as Record<string, object>)[method]) as string | undefined)
    .filter((path): path is string => typeof path === 'string')
    .map((path) => `/${base}/${path}`);
}

async function configSchemaOf(service: string): Promise<ConfigSchema> {
  const moduleName = `${service.replace(/^./, (first) => first.toUpperCase())}Module`;
  const exported = (await import(join(projectRoot, 'services', service, 'src', `${service}.module`))) as Record<string, Type>;
  return (platformOptionsOf(exported[moduleName] as Type).config ?? ServiceConfig) as ConfigSchema;
}

function declaredVariables(schema: ConfigSchema): Set<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false).map((metadata) => metadata.propertyName));
}

/** A plausible value for each secret, so that validation sees what an operator would set. */
const SECRET_SAMPLES: Record<string, string> = {
  DATABASE_URL: 'postgres://svc:secret@db.internal:5432/svc',
  DATABASE_MIGRATION_URL: 'postgres://owner:secret@db.internal:5432/svc',
  REDIS_URL: 'rediss://default:secret@cache.internal:6380',
  AUTH_JWT_SECRET: 'a-production-signing-key-of-enough-length-0123',
  AUTH_JWT_PREVIOUS_SECRETS: 'the-previous-signing-key-of-enough-length-0123',
};

describe('cluster files', () => {
  it('are what the plan generates (run npm run cluster:generate after changing services.conf or the plan)', () => {
    for (const [path, content] of clusterFiles(projectRoot)) {
      expect({ path, content: readFileSync(join(projectRoot, path), 'utf8') }).toEqual({ path, content });
    }
  });

  it('give every service a Deployment, a Service, an autoscaler and a disruption budget that select its pods', () => {
    for (const service of services) {
      const manifests = manifestsOf(`${service.name}.yaml`);
      expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service']);
      const byKind = Object.fromEntries(manifests.map((manifest) => [manifest.kind, manifest]));
      const podLabels = byKind.Deployment.spec.template.metadata.labels;
      expect(podLabels).toMatchObject(byKind.Deployment.spec.selector.matchLabels);
      expect(podLabels).toMatchObject(byKind.Service.spec.selector);
      expect(podLabels).toMatchObject(byKind.PodDisruptionBudget.spec.selector.matchLabels);
      expect(byKind.HorizontalPodAutoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: service.name });
      // The budget must leave room to evict a pod while the autoscaler keeps its minimum.
      expect(byKind.PodDisruptionBudget.spec.minAvailable).toBeLessThan(byKind.HorizontalPodAutoscaler.spec.minReplicas);
      expect(byKind.Deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(Number(SHARED_SETTINGS.SHUTDOWN_TIMEOUT_MS) / 1000);
      expect(TERMINATION_GRACE_SECONDS).toBeGreaterThan(Number(SHARED_SETTINGS.SHUTDOWN_TIMEOUT_MS) / 1000);
    }
  });

  it('never scale a consumer group past the partitions of its topics', () => {
    const analytics = manifestsOf('analytics.yaml').find((manifest) => manifest.kind === 'HorizontalPodAutoscaler');
    expect(analytics.spec.maxReplicas).toBeLessThanOrEqual(TOPIC_PARTITIONS);
  });

  it('use the ports of deploy/local/services.conf for the container, PORT, the Service and the probes', () => {
    for (const service of services) {
      const container = containerOf(service);
      expect(container.ports).toEqual([{ name: 'http', containerPort: service.port }]);
      expect(container.env).toContainEqual({ name: 'PORT', value: String(service.port) });
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) expect(probe.httpGet.port).toBe('http');
      const kubernetesService = manifestsOf(`${service.name}.yaml`).find((manifest) => manifest.kind === 'Service');
      expect(kubernetesService.spec.ports).toEqual([{ name: 'http', port: service.port, targetPort: 'http' }]);
    }
  });

  it('probe routes the services serve: liveness without dependencies, readiness with them', () => {
    const routes = healthRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    for (const service of services) {
      const container = containerOf(service);
      expect(routes).toContain(container.livenessProbe.httpGet.path);
      expect(routes).toContain(container.readinessProbe.httpGet.path);
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    }
  });

  it('reference images the Dockerfile builds from a service that exists', () => {
    const dockerfile = readFileSync(join(projectRoot, 'deploy/cluster/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toContain('services/${SERVICE}/src/main.ts');
    const compose = parse(readFileSync(join(projectRoot, 'deploy/cluster/compose.yaml'), 'utf8'));
    for (const service of services) {
      expect(existsSync(join(projectRoot, 'services', service.name, 'src/main.ts'))).toBe(true);
      expect(containerOf(service).image).toMatch(new RegExp(`/sangeyipi-${service.name}:\\d+\\.\\d+\\.\\d+$`));
      expect(compose.services[service.name].build).toEqual({ context: '../..', dockerfile: 'deploy/cluster/Dockerfile', args: { SERVICE: service.name } });
      expect(compose.services[service.name].image).toBe(containerOf(service).image);
    }
  });

  it('give each service exactly the variables it declares, and enough of them to start', async () => {
    for (const service of services) {
      const schema = await configSchemaOf(service.name);
      const container = containerOf(service);
      const environment: Record<string, string> = { ...SHARED_SETTINGS };
      for (const variable of container.env) {
        environment[variable.name] = variable.value ?? SECRET_SAMPLES[variable.valueFrom?.secretKeyRef.key ?? ''] ?? '';
      }
      const declared = declaredVariables(schema);
      expect({ service: service.name, undeclared: Object.keys(environment).filter((name) => !declared.has(name)) }).toEqual({ service: service.name, undeclared: [] });
      expect(() => loadServiceConfig(schema, environment)).not.toThrow();

      const required = Object.fromEntries(Object.entries(environment).filter(([name]) => !container.env.some((variable) => variable.name === name && variable.valueFrom?.secretKeyRef.optional)));
      expect(() => loadServiceConfig(schema, required)).not.toThrow();
    }
  });

  it('start the compose stack’s services with the variables they need', async () => {
    const compose = parse(readFileSync(join(projectRoot, 'deploy/cluster/compose.yaml'), 'utf8'));
    for (const service of services) {
      const schema = await configSchemaOf(service.name);
      const environment = compose.services[service.name].environment as Record<string, string>;
      const resolved = Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, value.replace(/\$\{[A-Z_]+:-([^}]*)\}/, '$1')]));
      expect(() => loadServiceConfig(schema, resolved)).not.toThrow();
      expect(resolved.PORT).toBe(String(service.port));
    }
  });
});
