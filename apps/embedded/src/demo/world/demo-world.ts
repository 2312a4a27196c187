import { findRegion, regionName, regionsAt, SHANGHAI_REGION_CODE, type RegionLevel } from '@sangeyipi/platform';
import type { DemoSize } from '../demo-size';
import { cyclic, defined } from '../defined';
import { Draw, seededRandom } from '../seeded-random';
import {
  ADVANCE_SERVICES,
  COMMON_MATERIALS,
  DEPARTMENTS,
  ITEM_VARIANTS,
  LANDING_ITEMS,
  STREET_ITEMS,
  VILLAGE_ITEMS,
  type Department,
} from './demo-vocabulary';

/**
 * The demo world as plain data, generated from a size and a seed alone (no I/O, no clock): the same
 * size always gives the same units, items and batches. The seeder turns it into API calls.
 */

export type CatalogKind = 'on_the_spot' | 'advance_service' | 'same_year_landing';
export type CompletionMode = 'immediate' | 'early' | 'time_limited';

/** A service unit (办事部门) as POST /units registers it. */
export interface DemoUnit {
  unitId: string;
  name: string;
  kind: 'government_department' | 'grassroots_organisation';
  level: RegionLevel;
  regionCode: string;
}

/** The body of POST /items: an item definition as the catalog's API takes it. */
export interface DemoItemDefinition {
  basicCode: string;
  implementationCode: string;
  name: string;
  kind: CatalogKind;
  completionMode: CompletionMode | null;
  statutoryLimitDays: number | null;
  committedLimitDays: number | null;
  caseType: 'immediate_case' | 'commitment_case';
  requiredMaterials: Array<{
    materialId: string;
    name: string;
    form: 'paper' | 'electronic' | 'paper_or_electronic';
    copies: number;
    originalRequired: boolean;
    source: 'applicant' | 'administrative_assistance' | 'data_sharing';
    replaceableByCommitment: boolean;
  }>;
  approvalSteps: Array<'handle' | 'review' | 'decide'>;
  approvalRoute: 'standard' | 'notification_commitment' | 'negative_list' | 'standards';
  visitsRequired: number;
  onlineApplication: boolean;
  holidayService: boolean;
  statutoryFees: Array<{ name: string; amount: string; legalBasis: string }>;
  legalBasis: string;
  advanceServiceApproaches: string[];
  advanceServiceContents: string[];
}

/** One catalog: a kind at a level in a region (its stream `catalog-<kind>-<level>-<region>`). */
export interface DemoCatalog {
  kind: CatalogKind;
  level: RegionLevel;
  regionCode: string;
}

export interface DemoItem {
  /** Stable within the world (the item's id is the catalog service's). */
  key: string;
  unitId: string;
  catalog: DemoCatalog;
  /** 1-based batch of its catalog that publishes it. */
  batch: number;
  /** The reform office sends the first draft back; the unit amends and resubmits. */
  sentBack: boolean;
  definition: DemoItemDefinition;
}

export interface DemoWorld {
  units: DemoUnit[];
  items: DemoItem[];
  /** Every catalog that has items, each with its number of batches. */
  catalogs: Array<DemoCatalog & { batches: number; title: (batch: number) => string }>;
  /** The districts of the world, city first among the regions with a reform office. */
  districtCodes: string[];
}

const KIND_TITLES: Record<CatalogKind, string> = { on_the_spot: '当场办结', advance_service: '提前服务', same_year_landing: '当年落地' };
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The district departments in the order a district has them (the busiest windows first). */
const DISTRICT_DEPARTMENT_ORDER = ['scjg', 'rsj', 'wjw', 'mzj', 'zjw', 'ghzy', 'sthj', 'whlyj', 'ga', 'swu', 'lhsr', 'jyw', 'swj', 'yjj', 'jtw', 'ypjg', 'sfj', 'nyw', 'xf', 'sw'];

export function generateDemoWorld(size: DemoSize): DemoWorld {
  const draw = new Draw(seededRandom(size.seed));
  const units: DemoUnit[] = [];
  const items: DemoItem[] = [];
  const itemsOf = (catalog: DemoCatalog) => items.filter((item) => sameCatalog(item.catalog, catalog)).length;
  const add = (unit: DemoUnit, catalog: DemoCatalog, definition: DemoItemDefinition) => {
    items.push({ key: `${unit.unitId}#${items.length + 1}`, unitId: unit.unitId, catalog, batch: 0, sentBack: draw.chance(size.draftsSentBackShare), definition });
  };

  // City (市): departments and their three catalogs.
  const departments = DEPARTMENTS.slice(0, size.cityDepartments);
  const cityUnits = departments.map((department): DemoUnit => ({ unitId: `sh-${department.code}`, name: department.cityName, kind: 'government_department', level: 'city', regionCode: SHANGHAI_REGION_CODE }));
  units.push(...cityUnits);
  const city = (kind: CatalogKind): DemoCatalog => ({ kind, level: 'city', regionCode: SHANGHAI_REGION_CODE });
  for (const [unit, name, department] of roundRobinItems(cityUnits, departments, size.cityOnTheSpotItems)) {
    add(unit, city('on_the_spot'), onTheSpotDefinition(draw, { name, department, unit, serial: itemsOf(city('on_the_spot')) + 1, level: 'city' }));
  }
  for (let index = 0; index < size.advanceServiceItems; index++) {
    const service = cyclic(ADVANCE_SERVICES, index);
    const unit = unitOfDepartment(cityUnits, service.department, index);
    add(unit, city('advance_service'), advanceDefinition(draw, { name: numbered(service.name, index, ADVANCE_SERVICES.length), contents: service.contents, unit, serial: index + 1, legalBasis: departmentOf(unit).legalBasis }));
  }
  for (let index = 0; index < size.cityLandingItems; index++) {
    const landing = cyclic(LANDING_ITEMS, index);
    const unit = unitOfDepartment(cityUnits, landing.department, index);
    add(unit, city('same_year_landing'), landingDefinition(draw, { name: numbered(landing.name, index, LANDING_ITEMS.length), unit, serial: index + 1, legalBasis: departmentOf(unit).legalBasis }));
  }

  // Districts (区), their towns (街镇) and sample villages (居村).
  const districtCodes = orderedDistricts().slice(0, size.districts);
  const villageCodes = new Set(regionsAt('village').map((village) => village.code));
  const chosenTowns: string[] = [];
  for (const districtCode of districtCodes) {
    const district = defined(regionName(districtCode), `the name of ${districtCode}`);
    const districtDepartments = DISTRICT_DEPARTMENT_ORDER.slice(0, size.departmentsPerDistrict).map((code) => defined(DEPARTMENTS.find((department) => department.code === code), `department ${code}`));
    const districtUnits = districtDepartments.map((department): DemoUnit => ({
      unitId: `d${districtCode}-${department.code}`,
      name: `${district}${department.districtSuffix}`,
      kind: 'government_department',
      level: 'district',
      regionCode: districtCode,
    }));
    units.push(...districtUnits);
    const inDistrict = (kind: CatalogKind): DemoCatalog => ({ kind, level: 'district', regionCode: districtCode });
    for (const [unit, name, department] of roundRobinItems(districtUnits, districtDepartments, size.districtItemsPerDistrict)) {
      add(unit, inDistrict('on_the_spot'), onTheSpotDefinition(draw, { name, department, unit, serial: itemsOf(inDistrict('on_the_spot')) + 1, level: 'district' }));
    }
    for (let index = 0; index < size.districtAdvanceItemsPerDistrict; index++) {
      const service = cyclic(ADVANCE_SERVICES, index);
      const unit = unitOfDepartment(districtUnits, service.department, index);
      add(unit, inDistrict('advance_service'), advanceDefinition(draw, { name: numbered(service.name, index, ADVANCE_SERVICES.length), contents: service.contents, unit, serial: index + 1, legalBasis: departmentOf(unit).legalBasis }));
    }
    for (let index = 0; index < size.districtLandingItemsPerDistrict; index++) {
      const landing = cyclic(LANDING_ITEMS, index);
      const unit = unitOfDepartment(districtUnits, landing.department, index);
      add(unit, inDistrict('same_year_landing'), landingDefinition(draw, { name: numbered(landing.name, index, LANDING_ITEMS.length), unit, serial: index + 1, legalBasis: departmentOf(unit).legalBasis }));
    }

    const towns = orderedTowns(districtCode, villageCodes).slice(0, size.townsPerDistrict);
    chosenTowns.push(...towns);
    const townUnits = towns.map((townCode): DemoUnit => ({
      unitId: `t${townCode}-sqzx`,
      name: `${regionName(townCode)}社区事务受理服务中心`,
      kind: 'government_department',
      level: 'town',
      regionCode: townCode,
    }));
    units.push(...townUnits);
    for (let index = 0; index < size.streetItemsPerDistrict && townUnits.length > 0; index++) {
      const townIndex = index % townUnits.length;
      const unit = cyclic(townUnits, townIndex);
      const catalog: DemoCatalog = { kind: 'on_the_spot', level: 'town', regionCode: unit.regionCode };
      const serial = itemsOf(catalog) + 1;
      const name = numbered(cyclic(STREET_ITEMS, serial - 1 + townIndex), serial - 1, STREET_ITEMS.length);
      add(unit, catalog, onTheSpotDefinition(draw, { name, department: STREET_DEPARTMENT, unit, serial, level: 'town' }));
    }
  }

  const villages = [...villageCodes].filter((code) => chosenTowns.includes(code.slice(0, 9))).slice(0, size.villages);
  for (const villageCode of villages) {
    const unit: DemoUnit = { unitId: `v${villageCode}-jwh`, name: defined(regionName(villageCode), `the name of ${villageCode}`), kind: 'grassroots_organisation', level: 'village', regionCode: villageCode };
    units.push(unit);
    for (let index = 0; index < size.villageItemsPerVillage; index++) {
      const catalog: DemoCatalog = { kind: 'on_the_spot', level: 'village', regionCode: villageCode };
      const name = numbered(cyclic(VILLAGE_ITEMS, index), index, VILLAGE_ITEMS.length);
      add(unit, catalog, onTheSpotDefinition(draw, { name, department: VILLAGE_DEPARTMENT, unit, serial: index + 1, level: 'village' }));
    }
  }

  return { units, items: assignBatches(items, size.batchesPerCatalog), catalogs: catalogsOf(items, size.batchesPerCatalog), districtCodes };
}

/** A department's name for the street and village service points, whose items rest on many laws. */
const STREET_DEPARTMENT: Department = { code: 'sqzx', cityName: '', districtSuffix: '', legalBasis: '《上海市社区事务受理服务中心管理办法》', items: STREET_ITEMS };
const VILLAGE_DEPARTMENT: Department = { code: 'jwh', cityName: '', districtSuffix: '', legalBasis: '《中华人民共和国城市居民委员会组织法》', items: VILLAGE_ITEMS };

function departmentOf(unit: DemoUnit): Department {
  const code = unit.unitId.slice(unit.unitId.lastIndexOf('-') + 1);
  return DEPARTMENTS.find((department) => department.code === code) ?? STREET_DEPARTMENT;
}

/** The unit of a department when the level has it, else one of the others in turn. */
function unitOfDepartment(levelUnits: DemoUnit[], code: string, index: number): DemoUnit {
  return levelUnits.find((unit) => unit.unitId.endsWith(`-${code}`)) ?? cyclic(levelUnits, index);
}

/** `count` item names taken in turn from each department: its items, then their 业务办理项. */
function* roundRobinItems(units: DemoUnit[], departments: readonly Department[], count: number): Generator<[DemoUnit, string, Department]> {
  const queues = departments.map((department, index) => ({
    unit: cyclic(units, index),
    department,
    names: ITEM_VARIANTS.flatMap((variant) => department.items.map((item) => `${item}（${variant}）`)),
  }));
  let produced = 0;
  while (produced < count) {
    let progressed = false;
    for (const queue of queues) {
      const name = queue.names.shift();
      if (name === undefined || produced >= count) continue;
      produced += 1;
      progressed = true;
      yield [queue.unit, name, queue.department];
    }
    if (!progressed) throw new Error(`the vocabulary has only ${produced} item names for ${departments.length} departments, ${count} were asked`);
  }
}

/** Past the vocabulary's end, names repeat with a number, so every item of a catalog has its own name. */
function numbered(name: string, index: number, available: number): string {
  return index < available ? name : `${name}（${Math.floor(index / available) + 1}）`;
}

/**
 * Districts in code order: 黄浦 (310101), whose towns have sample villages, comes first, so a small world
 * still reaches all four levels; 徐汇 (310104) second, where the gateway's demo users include a clerk.
 */
function orderedDistricts(): string[] {
  return regionsAt('district').map((region) => region.code);
}

function orderedTowns(districtCode: string, villageCodes: Set<string>): string[] {
  const towns = regionsAt('town')
    .filter((town) => town.code.startsWith(districtCode))
    .map((town) => town.code);
  const hasVillages = (code: string) => [...villageCodes].some((village) => village.startsWith(code));
  return [...towns.filter(hasVillages), ...towns.filter((code) => !hasVillages(code))];
}

interface ItemContext {
  name: string;
  unit: DemoUnit;
  serial: number;
}

function codes(unit: DemoUnit, serial: number, kindLetter: string): Pick<DemoItemDefinition, 'basicCode' | 'implementationCode'> {
  const department = unit.unitId.slice(unit.unitId.lastIndexOf('-') + 1).toUpperCase();
  const number = String(serial).padStart(4, '0');
  return { basicCode: `${unit.regionCode}-${department}-${kindLetter}${number}`, implementationCode: `${unit.unitId.toUpperCase()}-${kindLetter}${number}` };
}

/** The share of immediate items grows towards the street: most street and village items are done while one waits. */
const IMMEDIATE_SHARE: Record<RegionLevel, number> = { city: 0.3, district: 0.35, town: 0.55, village: 0.8 };

function onTheSpotDefinition(draw: Draw, context: ItemContext & { department: Department; level: RegionLevel }): DemoItemDefinition {
  const { level } = context;
  const mode: CompletionMode = draw.chance(IMMEDIATE_SHARE[level]) ? 'immediate' : draw.chance(0.65) ? 'early' : 'time_limited';
  let statutory: number | null;
  let committed: number;
  switch (mode) {
    case 'immediate':
      statutory = draw.chance(0.2) ? null : draw.pick([5, 10, 15, 20]);
      committed = 0;
      break;
    case 'early':
      statutory = draw.pick([5, 10, 15, 20, 20, 30]);
      committed = draw.int(Math.max(1, Math.round(statutory * 0.2)), Math.floor((statutory * 7) / 10));
      break;
    case 'time_limited':
      statutory = draw.chance(0.4) ? null : draw.pick([5, 10, 15, 20]);
      committed = statutory === null ? draw.pick([2, 3, 5, 7, 10]) : draw.int(Math.ceil(statutory * 0.75), statutory - 1);
      break;
  }
  const steps: DemoItemDefinition['approvalSteps'] =
    mode === 'immediate' ? (level === 'village' || draw.chance(0.6) ? ['handle'] : ['handle', 'decide']) : draw.chance(0.55) ? ['handle', 'decide'] : ['handle', 'review', 'decide'];
  const route: DemoItemDefinition['approvalRoute'] = mode !== 'immediate' && draw.chance(0.2) ? 'notification_commitment' : draw.chance(0.04) ? 'standards' : 'standard';
  return {
    ...codes(context.unit, context.serial, 'D'),
    name: context.name,
    kind: 'on_the_spot',
    completionMode: mode,
    statutoryLimitDays: statutory,
    committedLimitDays: committed,
    caseType: mode === 'immediate' ? 'immediate_case' : 'commitment_case',
    requiredMaterials: materials(draw, context.name, route === 'notification_commitment'),
    approvalSteps: steps,
    approvalRoute: route,
    visitsRequired: mode === 'immediate' || draw.chance(0.5) ? 1 : 0,
    onlineApplication: level === 'village' ? false : draw.chance(0.75),
    holidayService: draw.chance(level === 'town' ? 0.4 : 0.15),
    statutoryFees: draw.chance(0.06) ? [{ name: '证照工本费', amount: '每证10元', legalBasis: context.department.legalBasis }] : [],
    legalBasis: context.department.legalBasis,
    advanceServiceApproaches: [],
    advanceServiceContents: [],
  };
}

function advanceDefinition(draw: Draw, context: ItemContext & { contents: readonly string[]; legalBasis: string }): DemoItemDefinition {
  return {
    ...codes(context.unit, context.serial, 'T'),
    name: context.name,
    kind: 'advance_service',
    completionMode: null,
    statutoryLimitDays: null,
    committedLimitDays: draw.pick([5, 10, 15]),
    caseType: 'commitment_case',
    requiredMaterials: [],
    approvalSteps: [],
    approvalRoute: 'standard',
    visitsRequired: 0,
    onlineApplication: draw.chance(0.5),
    holidayService: false,
    statutoryFees: [],
    legalBasis: context.legalBasis,
    advanceServiceApproaches: draw.sample(['early_involvement', 'proactive_guidance', 'pre_approval_guidance', 'on_site', 'full_tracking'], draw.int(2, 4)),
    advanceServiceContents: [...context.contents],
  };
}

function landingDefinition(draw: Draw, context: ItemContext & { legalBasis: string }): DemoItemDefinition {
  const statutory = draw.pick([20, 20, 30]);
  const route = draw.chance(0.3) ? 'notification_commitment' : 'standard';
  return {
    ...codes(context.unit, context.serial, 'L'),
    name: context.name,
    kind: 'same_year_landing',
    completionMode: null,
    statutoryLimitDays: statutory,
    // Industrial projects: at most two thirds of the statutory time.
    committedLimitDays: draw.int(Math.max(3, Math.round(statutory / 4)), Math.floor((statutory * 2) / 3)),
    caseType: 'commitment_case',
    requiredMaterials: materials(draw, context.name, route === 'notification_commitment'),
    approvalSteps: ['handle', 'review', 'decide'],
    approvalRoute: route,
    visitsRequired: 1,
    onlineApplication: true,
    holidayService: false,
    statutoryFees: [],
    legalBasis: context.legalBasis,
    advanceServiceApproaches: [],
    advanceServiceContents: [],
  };
}

/** The item's own form first, then a few common materials; on the 告知承诺 route one is replaceable by the commitment. */
function materials(draw: Draw, itemName: string, commitmentRoute: boolean): DemoItemDefinition['requiredMaterials'] {
  const form = { materialId: 'M01', name: `${itemName.replace(/（.*$/, '')}申请表`.slice(0, 200), form: 'paper_or_electronic' as const, copies: 1, originalRequired: true, source: 'applicant' as const, replaceableByCommitment: false };
  const others = draw.sample(COMMON_MATERIALS, draw.int(1, 3)).map((material, index) => ({
    materialId: `M${String(index + 2).padStart(2, '0')}`,
    name: material.name,
    form: material.form,
    copies: 1,
    originalRequired: material.source === 'applicant' && draw.chance(0.5),
    source: material.source,
    replaceableByCommitment: commitmentRoute && index === 0,
  }));
  return [form, ...others];
}

function sameCatalog(a: DemoCatalog, b: DemoCatalog): boolean {
  return a.kind === b.kind && a.level === b.level && a.regionCode === b.regionCode;
}

function catalogKey(catalog: DemoCatalog): string {
  return `${catalog.kind}|${catalog.level}|${catalog.regionCode}`;
}

/** The first batch publishes about three fifths of a catalog, later batches share the rest. */
function assignBatches(items: DemoItem[], batchesPerCatalog: number): DemoItem[] {
  const byCatalog = new Map<string, DemoItem[]>();
  for (const item of items) byCatalog.set(catalogKey(item.catalog), [...(byCatalog.get(catalogKey(item.catalog)) ?? []), item]);
  for (const members of byCatalog.values()) {
    const batches = Math.min(batchesPerCatalog, members.length);
    const first = batches === 1 ? members.length : Math.max(1, Math.round(members.length * 0.6));
    members.forEach((item, index) => {
      item.batch = index < first ? 1 : 2 + Math.floor(((index - first) * (batches - 1)) / (members.length - first));
    });
  }
  return items;
}

function catalogsOf(items: DemoItem[], batchesPerCatalog: number): DemoWorld['catalogs'] {
  const seen = new Map<string, DemoWorld['catalogs'][number]>();
  for (const item of items) {
    const key = catalogKey(item.catalog);
    const existing = seen.get(key);
    if (existing) {
      existing.batches = Math.max(existing.batches, item.batch);
      continue;
    }
    const { kind, level, regionCode } = item.catalog;
    const region = defined(findRegion(regionCode), `region ${regionCode}`).name;
    seen.set(key, { kind, level, regionCode, batches: item.batch, title: (batch) => `${region}第${CHINESE_NUMERALS[batch - 1] ?? batch}批${KIND_TITLES[kind]}事项目录` });
  }
  for (const catalog of seen.values()) catalog.batches = Math.min(catalog.batches, batchesPerCatalog);
  return [...seen.values()];
}
