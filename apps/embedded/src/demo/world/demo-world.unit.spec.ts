import { findRegion, levelOfRegion } from '@sangeyipi/platform';
import { FULL_DEMO, SMALL_DEMO, type DemoSize } from '../demo-size';
import { generateDemoWorld, type DemoItemDefinition, type DemoWorld } from './demo-world';

const countItems = (world: DemoWorld, kind: string, level: string) => world.items.filter((item) => item.catalog.kind === kind && item.catalog.level === level).length;

/** The catalog's publication rules (docs/catalog.md, "Rules"), restated: the seeder must never hit a 400. */
function breaches(d: DemoItemDefinition): string[] {
  const found: string[] = [];
  const takesApplication = d.kind !== 'advance_service';
  if ((d.kind === 'on_the_spot') !== (d.completionMode !== null)) found.push('completion-mode');
  if (d.statutoryLimitDays !== null && (d.committedLimitDays === null || d.committedLimitDays >= d.statutoryLimitDays)) found.push('committed-below-statutory');
  if (d.completionMode === 'immediate' && (d.committedLimitDays !== 0 || d.caseType !== 'immediate_case')) found.push('immediate');
  if (d.completionMode === 'early' && (d.statutoryLimitDays === null || (d.statutoryLimitDays - (d.committedLimitDays ?? 0)) * 10 < d.statutoryLimitDays * 3)) found.push('early-30-percent');
  if (d.completionMode === 'time_limited' && d.committedLimitDays === null) found.push('time-limited');
  if ((d.completionMode === 'early' || d.completionMode === 'time_limited') && d.caseType !== 'commitment_case') found.push('case-type');
  const order = d.approvalSteps.map((step) => ['handle', 'review', 'decide'].indexOf(step));
  if (takesApplication && (order.length < 1 || order.length > 3 || order.some((position, index) => index > 0 && position <= (order[index - 1] ?? -1)))) found.push('steps');
  if (takesApplication && d.requiredMaterials.length === 0) found.push('materials');
  if (new Set(d.requiredMaterials.map((material) => material.materialId)).size !== d.requiredMaterials.length) found.push('material-ids');
  if (d.kind === 'advance_service' && d.advanceServiceContents.length === 0) found.push('advance-contents');
  if (d.statutoryFees.some((fee) => /加急|急件|特急|提速|快速|优先办理|服务费|代办/.test(fee.name) || fee.legalBasis.trim() === '')) found.push('fees');
  if (d.name.length > 200 || d.basicCode.length > 64 || d.implementationCode.length > 64) found.push('lengths');
  return found;
}

describe('the demo world', () => {
  it('is the same world every time for the same size and seed', () => {
    expect(JSON.stringify(generateDemoWorld(SMALL_DEMO))).toBe(JSON.stringify(generateDemoWorld(SMALL_DEMO)));
    expect(JSON.stringify(generateDemoWorld(FULL_DEMO))).toBe(JSON.stringify(generateDemoWorld(FULL_DEMO)));
  });

  it('is a different world for another seed', () => {
    const other = generateDemoWorld({ ...SMALL_DEMO, seed: SMALL_DEMO.seed + 1 });
    expect(JSON.stringify(other.items.map((item) => item.definition))).not.toBe(JSON.stringify(generateDemoWorld(SMALL_DEMO).items.map((item) => item.definition)));
  });

  it.each([
    ['FULL_DEMO', FULL_DEMO],
    ['SMALL_DEMO', SMALL_DEMO],
  ] as Array<[string, DemoSize]>)('%s has exactly the items and units its size asks for', (_, size) => {
    const world = generateDemoWorld(size);
    expect(countItems(world, 'on_the_spot', 'city')).toBe(size.cityOnTheSpotItems);
    expect(countItems(world, 'advance_service', 'city')).toBe(size.advanceServiceItems);
    expect(countItems(world, 'same_year_landing', 'city')).toBe(size.cityLandingItems);
    expect(countItems(world, 'on_the_spot', 'district')).toBe(size.districts * size.districtItemsPerDistrict);
    expect(countItems(world, 'advance_service', 'district')).toBe(size.districts * size.districtAdvanceItemsPerDistrict);
    expect(countItems(world, 'same_year_landing', 'district')).toBe(size.districts * size.districtLandingItemsPerDistrict);
    expect(countItems(world, 'on_the_spot', 'town')).toBe(size.districts * size.streetItemsPerDistrict);
    expect(countItems(world, 'on_the_spot', 'village')).toBe(size.villages * size.villageItemsPerVillage);
    expect(world.districtCodes).toHaveLength(size.districts);
    const byLevel = (level: string) => world.units.filter((unit) => unit.level === level).length;
    expect([byLevel('city'), byLevel('district'), byLevel('town'), byLevel('village')]).toEqual([
      size.cityDepartments,
      size.districts * size.departmentsPerDistrict,
      size.districts * size.townsPerDistrict,
      size.villages,
    ]);
  });

  it('is sized like the published catalogs at full size: ~330 city items, 20 advance-service items, hundreds below', () => {
    const world = generateDemoWorld(FULL_DEMO);
    expect(countItems(world, 'on_the_spot', 'city')).toBe(330);
    expect(countItems(world, 'advance_service', 'city')).toBe(20);
    expect(world.districtCodes).toHaveLength(16);
    expect(countItems(world, 'on_the_spot', 'district')).toBeGreaterThanOrEqual(300);
    expect(countItems(world, 'on_the_spot', 'town')).toBeGreaterThanOrEqual(300);
  });

  it('places every unit in a known region of its level, under a unique id the catalog accepts', () => {
    const world = generateDemoWorld(FULL_DEMO);
    for (const unit of world.units) {
      expect(levelOfRegion(unit.regionCode)).toBe(unit.level);
      expect(unit.unitId).toMatch(/^[a-z0-9][a-z0-9-]{2,63}$/);
    }
    expect(new Set(world.units.map((unit) => unit.unitId)).size).toBe(world.units.length);
    // Real GB/T 2260 codes: 黄浦 and 崇明 districts are among the 16.
    expect(world.districtCodes).toEqual(expect.arrayContaining(['310101', '310151']));
    expect(world.units.some((unit) => unit.level === 'village')).toBe(true);
  });

  it('drafts only items the catalog rules allow, each owned by a unit of its catalog', () => {
    const world = generateDemoWorld(FULL_DEMO);
    const units = new Map(world.units.map((unit) => [unit.unitId, unit]));
    const broken = world.items.map((item) => ({ name: item.definition.name, breaches: breaches(item.definition) })).filter((item) => item.breaches.length > 0);
    expect(broken).toEqual([]);
    for (const item of world.items) {
      const unit = units.get(item.unitId);
      expect(unit?.regionCode).toBe(item.catalog.regionCode);
      expect(unit?.level).toBe(item.catalog.level);
      expect(item.definition.kind).toBe(item.catalog.kind);
    }
  });

  it('gives every item of a catalog its own name, and every catalog a batch 1 and its numbered titles', () => {
    const world = generateDemoWorld(FULL_DEMO);
    for (const catalog of world.catalogs) {
      const members = world.items.filter((item) => item.catalog.kind === catalog.kind && item.catalog.level === catalog.level && item.catalog.regionCode === catalog.regionCode);
      expect(new Set(members.map((item) => item.definition.name)).size).toBe(members.length);
      expect(members.some((item) => item.batch === 1)).toBe(true);
      expect(Math.max(...members.map((item) => item.batch))).toBe(catalog.batches);
      expect(members.filter((item) => item.batch > 1).length).toBeLessThanOrEqual(members.length);
    }
    const city = world.catalogs.find((catalog) => catalog.kind === 'on_the_spot' && catalog.level === 'city');
    expect(city?.title(1)).toBe('上海市第一批当场办结事项目录');
    expect(findRegion(city?.regionCode ?? '')?.name).toBe('上海市');
  });

  it('mixes the three completion modes, the 告知承诺 route and holiday service', () => {
    const definitions = generateDemoWorld(FULL_DEMO).items.map((item) => item.definition);
    const share = (predicate: (d: DemoItemDefinition) => boolean) => definitions.filter(predicate).length / definitions.length;
    expect(share((d) => d.completionMode === 'immediate')).toBeGreaterThan(0.2);
    expect(share((d) => d.completionMode === 'early')).toBeGreaterThan(0.2);
    expect(share((d) => d.completionMode === 'time_limited')).toBeGreaterThan(0.05);
    expect(share((d) => d.approvalRoute === 'notification_commitment')).toBeGreaterThan(0.05);
    expect(share((d) => d.holidayService)).toBeGreaterThan(0.1);
    expect(share((d) => d.approvalSteps.length === 3)).toBeGreaterThan(0.1);
  });

  it('sends a share of drafts back to their units, as asked', () => {
    const world = generateDemoWorld(FULL_DEMO);
    const sentBack = world.items.filter((item) => item.sentBack).length / world.items.length;
    expect(sentBack).toBeGreaterThan(FULL_DEMO.draftsSentBackShare / 2);
    expect(sentBack).toBeLessThan(FULL_DEMO.draftsSentBackShare * 2);
  });
});
