import { findRegion, SHANGHAI_REGION_CODE, toShanghaiDate } from '@sangeyipi/platform';
import { DemoApi, DemoApiError, forEachLimited, type DemoTarget } from './demo-api';
import { cyclic } from './defined';
import type { DemoSize } from './demo-size';
import { Draw, seededRandom } from './seeded-random';
import type { ServiceClock } from './simulator/simulation-context';
import { OPERATIONS_ADMIN, reformOfficeFor, reformOfficeOf, staffOf, supervisorOf } from './world/demo-people';
import { drawProject, enterpriseCode } from './world/demo-projects';
import { generateDemoWorld, type DemoCatalog, type DemoItem, type DemoUnit, type DemoWorld } from './world/demo-world';

/** Requests in flight at once while seeding: enough to keep every service busy, few enough not to queue. */
const SEED_CONCURRENCY = 12;
/** Catalogs seeded side by side (each publishes its own batches in order). */
const CATALOGS_AT_ONCE = 6;
/** How long the seeder waits for the public catalog to show what it published. */
const READ_MODEL_WAIT_MS = 60_000;

interface PublishedBatch {
  kind: string;
  level: string;
  regionCode: string;
  batchNumber: number;
}

/**
 * Seeds the demo world through the services' HTTP APIs only, as the people of the reform would:
 * the operations admin registers the units, each unit admin drafts and submits its items, the reform
 * office of the region sends a few back, approves the rest and publishes each catalog batch by batch,
 * and each unit names its clerks' backups (AB角).
 *
 * Idempotent and resumable: what the catalog already shows (registered units, a catalog's published
 * batches) is not done again, so a second call on a seeded world does nothing, and a call after an
 * interrupted one finishes the catalogs that have no batch yet.
 */
export async function seedDemoWorld(target: DemoTarget, size: DemoSize, options: SeedOptions = {}): Promise<{ seeded: boolean; summary: string }> {
  const started = Date.now();
  const world = generateDemoWorld(size);
  const api = new DemoApi(target, SEED_CONCURRENCY);
  const today = toShanghaiDate((options.clock ?? { now: () => new Date() }).now());
  const projects = (await api.offers('projects', '/landing-lists/batches')) ? await pendingProjectLists(api, world, size, today) : [];
  const supervised = (await api.offers('supervision', '/plans')) ? await unsupervisedDistricts(api, world) : [];

  const registered = new Set((await api.get<Array<{ unitId: string }>>('catalog', '/public/units')).map((unit) => unit.unitId));
  const published = await publishedBatches(api);
  const newUnits = world.units.filter((unit) => !registered.has(unit.unitId));
  const pending = world.catalogs
    .map((catalog) => ({ catalog, from: (published.get(catalogKey(catalog)) ?? 0) + 1 }))
    .filter(({ catalog, from }) => from <= catalog.batches);
  if (newUnits.length === 0 && pending.length === 0 && projects.length === 0 && supervised.length === 0) {
    return { seeded: false, summary: `the demo world is already seeded: ${describe(world)}` };
  }

  target.log(`seeding the demo world: ${describe(world)}`);
  await forEachLimited(newUnits, SEED_CONCURRENCY, (unit) => registerUnit(api, unit));
  let itemsSeeded = 0;
  await forEachLimited(pending, CATALOGS_AT_ONCE, async ({ catalog, from }) => {
    for (let batch = from; batch <= catalog.batches; batch++) {
      const items = world.items.filter((item) => sameCatalog(item.catalog, catalog) && item.batch === batch);
      const itemIds = await Promise.all(items.map((item) => draftToApproval(api, item)));
      await api.post('catalog', '/batches', reformOfficeFor(catalog.regionCode), { ...catalogRef(catalog), title: catalog.title(batch), itemIds });
      itemsSeeded += items.length;
    }
  });
  await forEachLimited(newUnits, SEED_CONCURRENCY, (unit) => nameBackups(api, unit));
  await waitForPublicCatalog(api, world);
  const projectsSeeded = await seedProjectLists(api, projects, size, today);
  await forEachLimited(supervised, CATALOGS_AT_ONCE, (districtCode) => seedSupervision(api, world, size, districtCode));
  await waitFor('the public inspection items', async () => (await unsupervisedDistricts(api, world)).length === 0);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const requests = [...api.requests.values()].reduce((sum, count) => sum + count, 0);
  return {
    seeded: true,
    summary: `seeded ${newUnits.length} units, ${itemsSeeded} items in ${pending.length} catalogs, ${projectsSeeded} same-year projects and the supervision registries of ${supervised.length} districts in ${seconds} s (${requests} requests): ${describe(world)}`,
  };
}

export interface SeedOptions {
  /** The services' clock: projects are listed for its year, their documents dated before its today. */
  clock?: ServiceClock;
}

/** A same-year landing list (当年落地) of the year: the city's or a district's, with the unit that registers its projects. */
interface ProjectList {
  regionCode: string;
  level: 'city' | 'district';
  unit: DemoUnit;
  count: number;
}

/** The lists of the year that have no batch yet (idempotent like the catalogs). */
async function pendingProjectLists(api: DemoApi, world: DemoWorld, size: DemoSize, today: string): Promise<ProjectList[]> {
  const year = today.slice(0, 4);
  const published = await api.get<{ batches: Array<{ level: string; regionCode: string }> }>('projects', `/public/landing-lists?year=${year}&regionCode=310000`);
  const listed = new Set(published.batches.map((batch) => batch.regionCode));
  const builderOf = (level: string, regionCode: string) => {
    const units = world.units.filter((unit) => unit.level === level && unit.regionCode === regionCode);
    return units.find((unit) => unit.unitId.endsWith('-zjw')) ?? units[0];
  };
  const lists: ProjectList[] = [];
  const city = builderOf('city', SHANGHAI_REGION_CODE);
  if (city && size.cityProjects > 0) lists.push({ regionCode: SHANGHAI_REGION_CODE, level: 'city', unit: city, count: size.cityProjects });
  for (const districtCode of world.districtCodes) {
    const unit = builderOf('district', districtCode);
    if (unit && size.projectsPerDistrict > 0) lists.push({ regionCode: districtCode, level: 'district', unit, count: size.projectsPerDistrict });
  }
  return lists.filter((list) => !listed.has(list.regionCode));
}

/** Each unit registers its list's projects; the reform office of the region publishes them as the list's first batch. */
async function seedProjectLists(api: DemoApi, lists: ProjectList[], size: DemoSize, today: string): Promise<number> {
  let seeded = 0;
  await forEachLimited(lists, CATALOGS_AT_ONCE, async (list) => {
    // Drawn per list from the world's seed, so a list comes out the same whichever order the lists are seeded in.
    const draw = new Draw(seededRandom(size.seed + Number(list.regionCode)));
    const projects = Array.from({ length: list.count }, (_, index) => drawProject(draw, list.regionCode, index + 1, today));
    const admin = staffOf(list.unit).admin;
    const projectIds = await Promise.all(projects.map(async (project) => (await api.post<{ projectId: string }>('projects', '/projects', admin, project)).projectId));
    await api.post('projects', '/landing-lists/batches', reformOfficeOf(list.regionCode), {
      level: list.level,
      regionCode: list.regionCode,
      listingYear: Number(today.slice(0, 4)),
      title: `${findRegion(list.regionCode)?.name ?? list.regionCode}${today.slice(0, 4)}年第一批当年落地项目`,
      projectIds,
    });
    seeded += projects.length;
  });
  await waitForPublicLists(api, lists, today);
  return seeded;
}

/** The public landing lists are a projection too: wait until they show every list seeded. */
function waitForPublicLists(api: DemoApi, lists: ProjectList[], today: string): Promise<void> {
  return waitFor('the public landing lists', async () => {
    const published = await api.get<{ batches: Array<{ regionCode: string }> }>('projects', `/public/landing-lists?year=${today.slice(0, 4)}&regionCode=310000`);
    const listed = new Set(published.batches.map((batch) => batch.regionCode));
    return lists.every((list) => listed.has(list.regionCode));
  });
}

/** Districts whose supervisors have listed no inspection item yet. */
async function unsupervisedDistricts(api: DemoApi, world: DemoWorld): Promise<string[]> {
  const items = await api.get<Array<{ regionCode: string }>>('supervision', '/public/inspection-items');
  const listed = new Set(items.map((item) => item.regionCode));
  return world.districtCodes.filter((districtCode) => !listed.has(districtCode));
}

/**
 * 双随机、一公开 registries of a district: two inspection items (enterprises; service windows), inspectors
 * from its units, its enterprises as targets (the service units enter from the catalog's events), and one
 * declared conflict (回避).
 */
async function seedSupervision(api: DemoApi, world: DemoWorld, size: DemoSize, districtCode: string): Promise<void> {
  const supervisor = supervisorOf(districtCode);
  const units = world.units.filter((unit) => unit.level === 'district' && unit.regionCode === districtCode);
  const regulator = units.find((unit) => unit.unitId.endsWith('-scjg')) ?? units[0];
  if (!regulator) return;
  const inspectors = Array.from({ length: size.inspectorsPerDistrict }, (_, index) => ({
    inspectorId: `insp-${districtCode}-${index + 1}`,
    unitId: cyclic(units, index).unitId,
    qualifications: ['行政执法证'],
    regionCode: districtCode,
  }));
  const targets = Array.from({ length: size.enterpriseTargetsPerDistrict }, (_, index) => ({
    targetId: enterpriseCode(districtCode, index + 1),
    kind: 'TARGET_KIND_ENTERPRISE',
    name: `${findRegion(districtCode)?.name ?? districtCode}食品经营企业${index + 1}`,
    affiliatedUnitId: regulator.unitId,
    regionCode: districtCode,
  }));
  // The items last: they mark the district as seeded (see unsupervisedDistricts).
  await Promise.all(inspectors.map((inspector) => api.post('supervision', '/inspectors', supervisor, inspector).catch(ignoreConflict)));
  if (targets.length > 0) await api.post('supervision', '/targets', supervisor, { targets }).catch(ignoreConflict);
  const [firstInspector] = inspectors;
  const [firstTarget] = targets;
  if (firstInspector && firstTarget) {
    await untilKnown(() => api.post('supervision', `/inspectors/${firstInspector.inspectorId}/conflicts`, supervisor, { targetId: firstTarget.targetId, reason: '近亲属在该企业任职' })).catch(ignoreConflict);
  }
  const common = { inspectorQualification: '行政执法证', regionCode: districtCode };
  await api.post('supervision', '/inspection-items', supervisor, {
    ...common,
    name: '食品经营许可事后监督检查',
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    inspectingUnitId: regulator.unitId,
    targetKind: 'TARGET_KIND_ENTERPRISE',
    proportionBasisPoints: 2000,
    frequency: '每年不少于1次',
    method: 'INSPECTION_METHOD_OPEN',
  });
  await api.post('supervision', '/inspection-items', supervisor, {
    ...common,
    name: '政务服务窗口规范化监督检查',
    legalBasis: '《上海市人民政府关于进一步深化行政审批制度改革加快推进“三个一批”工作的意见》',
    inspectingUnitId: regulator.unitId,
    targetKind: 'TARGET_KIND_SERVICE_UNIT',
    proportionBasisPoints: 3000,
    frequency: '每半年不少于1次',
    method: 'INSPECTION_METHOD_UNDERCOVER',
  });
}

/** Polls until `done` holds (a projection caught up), for up to a minute. */
async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READ_MODEL_WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} did not show what was seeded within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Retries a command on a record the service's read model does not show yet (404), for up to ten seconds. */
async function untilKnown<T>(command: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof DemoApiError && error.status === 404) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A registry entry made by an interrupted earlier run (409) is there already. */
function ignoreConflict(error: unknown): void {
  if (!(error instanceof DemoApiError && error.status === 409)) throw error;
}

function describe(world: DemoWorld): string {
  const count = (predicate: (item: DemoItem) => boolean) => world.items.filter(predicate).length;
  return [
    `${world.units.length} units in ${world.districtCodes.length} districts`,
    `${world.items.length} items in ${world.catalogs.length} catalogs`,
    `(city: ${count((item) => item.catalog.level === 'city' && item.catalog.kind === 'on_the_spot')} on the spot, ${count((item) => item.catalog.level === 'city' && item.catalog.kind === 'advance_service')} advance service, ${count((item) => item.catalog.level === 'city' && item.catalog.kind === 'same_year_landing')} same-year landing;`,
    `district ${count((item) => item.catalog.level === 'district')}, street ${count((item) => item.catalog.level === 'town')}, village ${count((item) => item.catalog.level === 'village')})`,
  ].join(' ');
}

async function registerUnit(api: DemoApi, unit: DemoUnit): Promise<void> {
  try {
    await api.post('catalog', '/units', OPERATIONS_ADMIN, unit);
  } catch (error) {
    if (!(error instanceof DemoApiError && error.status === 409)) throw error; // 409: registered meanwhile
  }
}

/** Draft → submit (→ sent back → amended → resubmitted) → approved; answers the item's id. */
async function draftToApproval(api: DemoApi, item: DemoItem): Promise<string> {
  const admin = staffOf({ unitId: item.unitId, regionCode: item.catalog.regionCode }).admin;
  const office = reformOfficeFor(item.catalog.regionCode);
  const firstDraft = item.sentBack ? { ...item.definition, requiredMaterials: item.definition.requiredMaterials.slice(0, 1) } : item.definition;
  const { itemId } = await api.post<{ itemId: string }>('catalog', '/items', admin, firstDraft);
  await api.post('catalog', `/items/${itemId}/submission`, admin);
  if (item.sentBack) {
    await api.post('catalog', `/items/${itemId}/rejection`, office, { reason: '申请材料清单不完整，请补充可通过数据共享或行政协助获取的材料' });
    await api.put('catalog', `/items/${itemId}/draft`, admin, item.definition);
    await api.post('catalog', `/items/${itemId}/submission`, admin);
  }
  await api.post('catalog', `/items/${itemId}/approval`, office, { note: '符合当场办结目录要求，同意列入' });
  return itemId;
}

/** Each clerk is the other's backup (AB角). */
async function nameBackups(api: DemoApi, unit: DemoUnit): Promise<void> {
  const { clerks, admin } = staffOf(unit);
  for (const [index, clerk] of clerks.entries()) {
    const backup = cyclic(clerks, index + 1);
    await api.put('cases', `/units/${unit.unitId}/handlers/${clerk.userId}/backup`, admin, { backupUserId: backup.userId });
  }
}

async function publishedBatches(api: DemoApi): Promise<Map<string, number>> {
  const batches = await api.get<PublishedBatch[]>('catalog', '/public/batches');
  const highest = new Map<string, number>();
  for (const batch of batches) {
    const key = catalogKey({ kind: batch.kind, level: batch.level, regionCode: batch.regionCode } as DemoCatalog);
    highest.set(key, Math.max(highest.get(key) ?? 0, batch.batchNumber));
  }
  return highest;
}

/** The public catalog is a projection: wait until it shows every batch, so that what follows sees the world. */
function waitForPublicCatalog(api: DemoApi, world: DemoWorld): Promise<void> {
  return waitFor('the public catalog', async () => {
    const published = await publishedBatches(api);
    return world.catalogs.every((catalog) => (published.get(catalogKey(catalog)) ?? 0) >= catalog.batches);
  });
}

function catalogRef(catalog: DemoCatalog): DemoCatalog {
  return { kind: catalog.kind, level: catalog.level, regionCode: catalog.regionCode };
}

function catalogKey(catalog: DemoCatalog): string {
  return `${catalog.kind}|${catalog.level}|${catalog.regionCode}`;
}

function sameCatalog(a: DemoCatalog, b: DemoCatalog): boolean {
  return catalogKey(a) === catalogKey(b);
}
