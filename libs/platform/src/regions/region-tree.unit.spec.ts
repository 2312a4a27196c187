import {
  REGION_LEVELS,
  SHANGHAI_REGION_CODE,
  findRegion,
  isWithinRegion,
  levelOfRegion,
  parentRegion,
  regionName,
  regionSubtreePrefix,
  regionsAt,
} from './region-tree';

describe("Shanghai's region tree", () => {
  it('has the city and its 16 districts with their GB/T 2260 codes', () => {
    expect(findRegion(SHANGHAI_REGION_CODE)).toEqual({ code: '310000', name: '上海市', level: 'city', parentCode: null });
    expect(regionsAt('district').map((district) => `${district.code} ${district.name}`)).toEqual([
      '310101 黄浦区',
      '310104 徐汇区',
      '310105 长宁区',
      '310106 静安区',
      '310107 普陀区',
      '310109 虹口区',
      '310110 杨浦区',
      '310112 闵行区',
      '310113 宝山区',
      '310114 嘉定区',
      '310115 浦东新区',
      '310116 金山区',
      '310117 松江区',
      '310118 青浦区',
      '310120 奉贤区',
      '310151 崇明区',
    ]);
  });

  it('lists the towns and streets of every district, about 215 in all', () => {
    const towns = regionsAt('town');
    expect(towns.length).toBeGreaterThanOrEqual(200);
    for (const district of regionsAt('district')) {
      expect(towns.some((town) => town.parentCode === district.code)).toBe(true);
    }
  });

  it('links every region to a known parent one level up, with a code of the right length', () => {
    const codeShape = { city: /^310000$/, district: /^31\d{4}$/, town: /^31\d{7}$/, village: /^31\d{10}$/ };
    for (const level of REGION_LEVELS) {
      for (const region of regionsAt(level)) {
        expect(region.code).toMatch(codeShape[level]);
        if (level === 'city') continue;
        const parent = parentRegion(region.code);
        expect(parent?.level).toBe(REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1]);
      }
    }
  });

  it('tells the level and the name of a code', () => {
    expect(levelOfRegion('310000')).toBe('city');
    expect(levelOfRegion('310101')).toBe('district');
    expect(levelOfRegion('310101002')).toBe('town');
    expect(levelOfRegion('310101002001')).toBe('village');
    expect(regionName('310101002')).toBe('南京东路街道');
    expect(regionName('310151102201')).toBe('永和村村委会');
  });

  it('knows nothing about codes outside its data', () => {
    expect(findRegion('310102')).toBeUndefined(); // 卢湾区, merged into 黄浦区 in 2011
    expect(levelOfRegion('320102')).toBeUndefined(); // 南京市玄武区
    expect(regionName('3101')).toBeUndefined();
    expect(parentRegion('310000')).toBeUndefined();
    expect(parentRegion('999999')).toBeUndefined();
  });

  it('walks up the tree to decide whether a region lies within another', () => {
    expect(isWithinRegion('310101002001', '310101002')).toBe(true);
    expect(isWithinRegion('310101002001', '310101')).toBe(true);
    expect(isWithinRegion('310101002001', '310000')).toBe(true);
    expect(isWithinRegion('310101', '310101')).toBe(true);

    expect(isWithinRegion('310104003', '310101')).toBe(false);
    expect(isWithinRegion('310101', '310101002')).toBe(false);
    expect(isWithinRegion('310000', '310101')).toBe(false);
    expect(isWithinRegion('310102', '310000')).toBe(false);
  });

  it('gives the code prefix that selects a subtree', () => {
    expect(regionSubtreePrefix('310000')).toBe('31');
    expect(regionSubtreePrefix('310115')).toBe('310115');
    expect(regionSubtreePrefix('310101002')).toBe('310101002');
    expect(regionSubtreePrefix('310102')).toBeUndefined();
  });

  it('selects by prefix exactly the regions that isWithinRegion admits', () => {
    const all = REGION_LEVELS.flatMap((level) => regionsAt(level));
    for (const ancestor of ['310000', '310101', '310151102']) {
      const prefix = regionSubtreePrefix(ancestor) ?? '';
      expect(all.filter((region) => region.code.startsWith(prefix))).toEqual(all.filter((region) => isWithinRegion(region.code, ancestor)));
    }
  });
});
