import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { SealedEvent } from '@sangeyipi/eventstore';
import { createKafka, decodeMessage, encodeSealedEvent, ensureTopics, EventBackboneService, eventTopic, KafkaPublisher, type IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, createServiceApp, ManualClock, type Clock } from '@sangeyipi/platform';
import { eventually, signTestToken, startServiceUnderTest, testInfrastructure, uniqueName, type ServiceUnderTest, type TestUser } from '@sangeyipi/testing';
import type { Consumer } from 'kafkajs';
import { ProjectsModule } from '../../src/projects.module';
import { ProjectsReadModelRunner } from '../../src/read-model/projects-read-model.runner';
import { DataSource } from 'typeorm';

export const PUDONG_DEVELOPMENT = 'unit-310115-fgw'; // 浦东新区发展和改革委员会: follows the district's projects
export const PUDONG_PLANNING = 'unit-310115-ghzy'; // 浦东新区规划和自然资源局: planning permits, site guidance
export const HUANGPU_DEVELOPMENT = 'unit-310101-fgw';

/** The people of the tests, one per role and scope (another district's staff included). */
export const PEOPLE = {
  pudongUnitAdmin: { userId: 'pd-fgw-admin', roles: ['unit_admin'], unitId: PUDONG_DEVELOPMENT, regionCode: '310115' },
  pudongClerk: { userId: 'pd-fgw-clerk', roles: ['clerk'], unitId: PUDONG_DEVELOPMENT, regionCode: '310115' },
  pudongReviewer: { userId: 'pd-fgw-reviewer', roles: ['reviewer'], unitId: PUDONG_DEVELOPMENT, regionCode: '310115' },
  planningClerk: { userId: 'pd-gh-clerk', roles: ['clerk'], unitId: PUDONG_PLANNING, regionCode: '310115' },
  huangpuUnitAdmin: { userId: 'hp-fgw-admin', roles: ['unit_admin'], unitId: HUANGPU_DEVELOPMENT, regionCode: '310101' },
  huangpuClerk: { userId: 'hp-fgw-clerk', roles: ['clerk'], unitId: HUANGPU_DEVELOPMENT, regionCode: '310101' },
  pudongReformOffice: { userId: 'pd-reform', roles: ['reform_office'], regionCode: '310115' },
  huangpuReformOffice: { userId: 'hp-reform', roles: ['reform_office'], regionCode: '310101' },
  cityReformOffice: { userId: 'sh-reform', roles: ['reform_office'], regionCode: '310000' },
  citySupervisor: { userId: 'sh-supervisor', roles: ['supervisor'], regionCode: '310000' },
  huangpuSupervisor: { userId: 'hp-supervisor', roles: ['supervisor'], regionCode: '310101' },
  auditor: { userId: 'auditor-01', roles: ['auditor'] },
  applicant: { userId: 'citizen-01', roles: ['applicant'] },
  otherApplicant: { userId: 'citizen-02', roles: ['applicant'] },
  operationsAdmin: { userId: 'ops-01', roles: ['operations_admin'] },
} satisfies Record<string, TestUser>;

export type Person = keyof typeof PEOPLE;

export interface ApiResponse {
  status: number;
  // The tests read answers field by field; a schema per endpoint would only restate the controllers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ProjectsUnderTest {
  service: ServiceUnderTest;
  clock: ManualClock;
  api: ProjectsApi;
  /** Publishes an event of another context to its topic of this run, as that context's relay would. */
  publish(type: string, streamId: string, streamVersion: number, data: object): Promise<void>;
  /** Events of this service's own topic, read from the beginning. */
  onTopic: IntegrationEvent[];
  /** Starts another replica of the service on the same database, topics and clock. */
  startReplica(): Promise<INestApplication>;
  close(): Promise<void>;
}

function pointClockAt(app: INestApplication, clock: ManualClock): INestApplication {
  const injected = app.get<Clock>(CLOCK, { strict: false });
  injected.now = () => clock.now();
  return app;
}

/**
 * Runs the projects service in-process against the real PostgreSQL, Kafka and Redis, with a manual clock
 * starting at `start`, a fresh topic prefix, a publisher for the catalog and cases topics, and a probe
 * reading the service's own topic.
 */
export async function startProjects(start: string): Promise<ProjectsUnderTest> {
  const clock = new ManualClock(start);
  // uniqueName() restarts in every test file: a random part keeps each file's topics its own.
  const scope = `${uniqueName('projects')}.${randomBytes(4).toString('hex')}`;
  const env = { KAFKA_TOPIC_PREFIX: `${scope}.`, REDIS_KEY_PREFIX: `${scope}:`, PROJECTS_PROJECTION_POLL_MS: '20', PROJECTS_RISK_SCAN_MS: '0', PROJECTS_YEAR_CLOSING_SCAN_MS: '0', LOG_LEVEL: 'error' };
  const replicas: INestApplication[] = [];
  let serviceEnv: Record<string, string> = {};
  const service = await startServiceUnderTest(
    async (fullEnv) => {
      serviceEnv = fullEnv;
      return pointClockAt(await createServiceApp(ProjectsModule, { env: fullEnv }), clock);
    },
    'projects',
    env,
  );
  const kafka = createKafka({ clientId: 'projects-test', brokers: testInfrastructure().kafkaBrokers });
  const topics = { catalog: eventTopic('catalog', env.KAFKA_TOPIC_PREFIX), cases: eventTopic('cases', env.KAFKA_TOPIC_PREFIX) };
  await ensureTopics(kafka, Object.values(topics), { partitions: 2, replicationFactor: 1 });
  const publisher = new KafkaPublisher(kafka);

  const onTopic: IntegrationEvent[] = [];
  const probe: Consumer = kafka.consumer({ groupId: `${scope}.probe` });
  await probe.connect();
  await probe.subscribe({ topic: service.app.get(EventBackboneService).topic, fromBeginning: true });
  await probe.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (message.value) onTopic.push(decodeMessage(message.value, { topic, partition, offset: message.offset }));
    },
  });

  let sequence = 0n;
  return {
    service,
    clock,
    api: new ProjectsApi(service.url),
    onTopic,
    async publish(type, streamId, streamVersion, data) {
      sequence += 1n;
      const context = type.slice(0, type.indexOf('.')) as 'catalog' | 'cases';
      const event: SealedEvent = {
        eventId: randomUUID(),
        streamId,
        streamVersion,
        position: sequence,
        transactionId: sequence,
        type,
        schemaVersion: 1,
        data,
        metadata: { correlationId: randomUUID(), regionCode: '310115' },
        recordedAt: clock.now(),
        contentDigest: '',
        previousHash: '',
        hash: '',
        logSequence: sequence,
        chainHash: '',
      };
      await publisher.publish([encodeSealedEvent(event, context, topics[context])]);
    },
    async startReplica() {
      const replica = pointClockAt(await createServiceApp(ProjectsModule, { env: serviceEnv }), clock);
      await replica.listen(0, '127.0.0.1');
      replicas.push(replica);
      return replica;
    },
    async close() {
      await probe.disconnect();
      await publisher.close();
      for (const replica of replicas) await replica.close();
      await service.close();
    },
  };
}

/** Waits for the read model or the topic: both follow the cluster's oldest open transaction, hence the limit. */
export function soon<T>(probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  return eventually(probe, { timeoutMs: 60_000 }) as Promise<T>;
}

/** A small HTTP client for the projects API, signing in as one of PEOPLE (or nobody). */
export class ProjectsApi {
  private readonly tokens = new Map<Person, Promise<string>>();

  constructor(private readonly url: string) {}

  async call(method: string, path: string, { as, body }: { as?: Person; body?: unknown } = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await this.tokenOf(as)}`;
    const response = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Calls and insists on `status`, so that a failing step says what the service answered. */
  async expect(status: number, method: string, path: string, options: { as?: Person; body?: unknown } = {}): Promise<ApiResponse['body']> {
    const response = await this.call(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  private tokenOf(person: Person): Promise<string> {
    let token = this.tokens.get(person);
    if (!token) {
      token = signTestToken(PEOPLE[person]);
      this.tokens.set(person, token);
    }
    return token;
  }
}

export const ENTERPRISE = { kind: 'enterprise', applicantId: '91310115MA1K4ABC12' };

/** A project registration of the Pudong development unit: to start or open in 2025, holding a land-use approval. */
export function projectRegistration(overrides: Record<string, unknown> = {}) {
  return {
    name: '临港新片区智能制造产业基地一期',
    siteRegionCode: '310115',
    owner: ENTERPRISE,
    industry: 'C39 计算机、通信和其他电子设备制造业',
    investmentTenThousandYuan: 120000,
    industrial: false,
    target: 'start_or_open',
    listingYear: 2025,
    documents: [{ kind: 'land_use_approval', documentNumber: '沪浦建用地〔2025〕第0088号', issuedOn: '2025-06-02' }],
    ...overrides,
  };
}

/** Registers projects and publishes them as the next batch of the Pudong district's list of the year. */
export async function listedProjects(api: ProjectsApi, registrations: Record<string, unknown>[], listingYear = 2025): Promise<string[]> {
  const projectIds: string[] = [];
  for (const registration of registrations) projectIds.push((await api.expect(201, 'POST', '/projects', { as: 'pudongUnitAdmin', body: registration })).projectId);
  await api.expect(201, 'POST', '/landing-lists/batches', {
    as: 'pudongReformOffice',
    body: { level: 'district', regionCode: '310115', listingYear, title: `浦东新区${listingYear}年当年落地项目目录`, projectIds },
  });
  return projectIds;
}

/** A published catalog item's full state, as catalog.CatalogItemPublished carries it (protobuf JSON). */
export function publishedItem(itemId: string, unitId: string, definition: Record<string, unknown>) {
  return {
    itemId,
    batchId: randomUUID(),
    publishedOn: '2025-09-01',
    unitId,
    level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
    regionCode: '310115',
    revision: 1,
    batchNumber: 1,
    definition: {
      itemCode: `310115-${itemId.slice(0, 8)}`,
      name: '建设工程规划许可证核发',
      catalogKind: 'CATALOG_KIND_ON_THE_SPOT',
      completionMode: 'COMPLETION_MODE_EARLY',
      caseType: 'CASE_TYPE_COMMITMENT',
      statutoryLimitDays: 20,
      committedLimitDays: 10,
      approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
      ...definition,
    },
  };
}

/** Rebuilds the read model from position 0 (as an operator would, service running) and expects the same tables. */
export async function expectRebuildToReproduce(projects: ProjectsUnderTest): Promise<void> {
  const dataSource = projects.service.app.get(DataSource);
  const snapshot = async () => ({
    projects: await dataSource.query(`SELECT * FROM projects_projects ORDER BY project_id`),
    batches: await dataSource.query(`SELECT * FROM projects_list_batches ORDER BY batch_id`),
    slots: await dataSource.query(`SELECT * FROM projects_approval_slots ORDER BY project_id, approval_id`),
    services: await dataSource.query(`SELECT * FROM projects_advance_services ORDER BY request_id`),
  });
  const runner = projects.service.app.get(ProjectsReadModelRunner).runner;
  await runner.catchUp();
  const before = await snapshot();
  if (before.projects.length + before.services.length === 0) throw new Error('nothing to rebuild: the test wrote no events');
  await runner.rebuild();
  expect(await snapshot()).toEqual(before);
}
