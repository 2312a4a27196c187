import { addCalendarDays, regionsAt } from '@sangeyipi/platform';
import { cyclic } from '../defined';
import type { Draw } from '../seeded-random';

/** 当年落地: a same-year project as POST /projects registers it. */
export interface DemoProject {
  name: string;
  siteRegionCode: string;
  owner: { kind: 'enterprise'; applicantId: string };
  industry: string;
  investmentTenThousandYuan: number;
  industrial: boolean;
  target: 'start_or_open' | 'completion_acceptance';
  readyForAcceptanceOn?: string;
  listingYear: number;
  documents: Array<{ kind: 'land_use_approval' | 'project_approval' | 'construction_registration'; documentNumber: string; issuedOn: string }>;
}

const INDUSTRIES: ReadonlyArray<{ industry: string; industrial: boolean; names: readonly string[] }> = [
  { industry: '集成电路', industrial: true, names: ['12英寸晶圆制造', '封装测试基地', '芯片设计产业园'] },
  { industry: '生物医药', industrial: true, names: ['创新药研发中心', '医疗器械生产基地', '细胞治疗产业化'] },
  { industry: '人工智能', industrial: true, names: ['智能算力中心', '机器人整机制造', '智能网联汽车测试场'] },
  { industry: '高端装备', industrial: true, names: ['航空发动机部件', '精密机床制造', '海洋工程装备'] },
  { industry: '新材料', industrial: true, names: ['高性能纤维生产线', '新能源电池材料'] },
  { industry: '商业服务', industrial: false, names: ['商业综合体', '总部办公楼', '文化创意园区'] },
  { industry: '社会民生', industrial: false, names: ['社区养老服务中心', '保障性租赁住房', '公共体育中心'] },
];

const DOCUMENT_KINDS = ['land_use_approval', 'project_approval', 'construction_registration'] as const;

/** A unified social credit code (统一社会信用代码) for the demo's enterprises: 18 characters, unique per serial. */
export function enterpriseCode(regionCode: string, serial: number): string {
  return `9131${regionCode.slice(2, 6)}MA${String(serial).padStart(8, '0')}`;
}

/**
 * A project for the list of `regionCode` (a district, or the city), drawn for `today`: a project to start or
 * open holds at least one of its documents; one to pass completion acceptance is ready for it.
 */
export function drawProject(draw: Draw, regionCode: string, serial: number, today: string): DemoProject {
  const sector = draw.pick(INDUSTRIES);
  const sites = regionCode === '310000' ? regionsAt('district') : regionsAt('town').filter((town) => town.code.startsWith(regionCode));
  const site = sites.length > 0 ? draw.pick(sites).code : regionCode;
  const target = draw.chance(0.7) ? 'start_or_open' : 'completion_acceptance';
  const year = Number(today.slice(0, 4));
  const documents = draw.sample(DOCUMENT_KINDS, draw.int(1, 3)).map((kind, index) => ({
    kind,
    documentNumber: `沪${kind === 'land_use_approval' ? '地' : kind === 'project_approval' ? '发改' : '建'}〔${year}〕${serial * 3 + index}号`,
    issuedOn: addCalendarDays(today, -draw.int(5, 200)),
  }));
  return {
    name: `${cyclic(sector.names, serial)}项目（${String(serial).padStart(3, '0')}）`,
    siteRegionCode: site,
    owner: { kind: 'enterprise', applicantId: enterpriseCode(regionCode, serial) },
    industry: sector.industry,
    investmentTenThousandYuan: draw.int(2, 400) * 500,
    industrial: sector.industrial,
    target,
    ...(target === 'completion_acceptance' ? { readyForAcceptanceOn: addCalendarDays(today, -draw.int(1, 60)) } : {}),
    listingYear: year,
    documents,
  };
}
