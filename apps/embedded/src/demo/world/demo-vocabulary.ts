/**
 * The words the demo world is made of: departments as Shanghai's city and district governments
 * name them, and the items they publish, modelled on the published 当场办结 / 提前服务 / 当年落地
 * catalogs and the street-level 社区事务受理服务中心 list. Only names and legal bases live here; the
 * limits, modes and steps are drawn in demo-world.ts.
 */

export interface Department {
  /** Short code used in unit ids and item codes, e.g. `scjg`. */
  code: string;
  /** The city-level name; the district name is the district's name plus `districtSuffix`. */
  cityName: string;
  districtSuffix: string;
  /** The law most of its items rest on. */
  legalBasis: string;
  /** Items it handles, as published (事项名称). */
  items: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  {
    code: 'scjg',
    cityName: '上海市市场监督管理局',
    districtSuffix: '市场监督管理局',
    legalBasis: '《中华人民共和国市场主体登记管理条例》',
    items: ['食品经营许可', '食品生产许可', '企业设立登记', '企业变更登记', '个体工商户登记', '特种设备使用登记', '工业产品生产许可', '计量标准考核'],
  },
  {
    code: 'ga',
    cityName: '上海市公安局',
    districtSuffix: '公安分局',
    legalBasis: '《中华人民共和国居民身份证法》',
    items: ['居民身份证申领', '户口迁移审批', '旅馆业特种行业许可', '典当业特种行业许可', '大型群众性活动安全许可', '剧毒化学品购买许可', '机动车登记', '保安服务许可'],
  },
  {
    code: 'rsj',
    cityName: '上海市人力资源和社会保障局',
    districtSuffix: '人力资源和社会保障局',
    legalBasis: '《中华人民共和国就业促进法》',
    items: ['劳务派遣经营许可', '人力资源服务许可', '社会保险登记', '工伤认定', '职业技能等级认定', '人才引进落户审批', '特殊工时制度审批'],
  },
  {
    code: 'zjw',
    cityName: '上海市住房和城乡建设管理委员会',
    districtSuffix: '建设和管理委员会',
    legalBasis: '《中华人民共和国建筑法》',
    items: ['建筑业企业资质核准', '商品房预售许可', '房地产开发企业资质核定', '城镇排水与污水处理许可', '燃气经营许可', '建设工程质量检测机构资质', '物业服务项目备案'],
  },
  {
    code: 'ghzy',
    cityName: '上海市规划和自然资源局',
    districtSuffix: '规划和自然资源局',
    legalBasis: '《上海市城乡规划条例》',
    items: ['不动产登记', '临时用地审批', '测绘资质审批', '建设项目用地预审', '地名命名审批', '地质灾害危险性评估备案'],
  },
  {
    code: 'sthj',
    cityName: '上海市生态环境局',
    districtSuffix: '生态环境局',
    legalBasis: '《中华人民共和国环境影响评价法》',
    items: ['排污许可', '危险废物经营许可', '辐射安全许可', '建设项目环境影响报告表审批', '机动车排放检验机构备案'],
  },
  {
    code: 'jtw',
    cityName: '上海市交通委员会',
    districtSuffix: '交通委员会',
    legalBasis: '《中华人民共和国道路运输条例》',
    items: ['道路运输经营许可', '道路运输车辆营运证', '出租汽车驾驶员从业资格', '港口经营许可', '占用挖掘道路许可', '机动车维修经营备案'],
  },
  {
    code: 'wjw',
    cityName: '上海市卫生健康委员会',
    districtSuffix: '卫生健康委员会',
    legalBasis: '《医疗机构管理条例》',
    items: ['医疗机构执业登记', '医师执业注册', '护士执业注册', '公共场所卫生许可', '放射诊疗许可', '母婴保健技术服务许可', '饮用水供水单位卫生许可'],
  },
  {
    code: 'mzj',
    cityName: '上海市民政局',
    districtSuffix: '民政局',
    legalBasis: '《社会团体登记管理条例》',
    items: ['社会团体成立登记', '民办非企业单位成立登记', '婚姻登记', '养老机构备案', '慈善组织认定', '公开募捐资格审核'],
  },
  {
    code: 'whlyj',
    cityName: '上海市文化和旅游局',
    districtSuffix: '文化和旅游局',
    legalBasis: '《营业性演出管理条例》',
    items: ['营业性演出许可', '娱乐场所经营许可', '旅行社业务经营许可', '网络文化经营许可', '艺术品经营单位备案', '互联网上网服务营业场所经营许可'],
  },
  {
    code: 'jyw',
    cityName: '上海市教育委员会',
    districtSuffix: '教育局',
    legalBasis: '《中华人民共和国民办教育促进法》',
    items: ['民办学校办学许可', '教师资格认定', '校外培训机构审批', '中外合作办学审批', '学历证明书补发'],
  },
  {
    code: 'swj',
    cityName: '上海市商务委员会',
    districtSuffix: '商务委员会',
    legalBasis: '《中华人民共和国对外贸易法》',
    items: ['对外贸易经营者备案', '外商投资企业设立备案', '单用途预付卡备案', '拍卖企业经营许可', '成品油零售经营许可', '再生资源回收经营者备案'],
  },
  {
    code: 'yjj',
    cityName: '上海市应急管理局',
    districtSuffix: '应急管理局',
    legalBasis: '《安全生产许可证条例》',
    items: ['危险化学品经营许可', '安全生产许可', '烟花爆竹经营许可', '非药品类易制毒化学品生产备案', '生产安全事故应急预案备案'],
  },
  {
    code: 'swu',
    cityName: '上海市水务局',
    districtSuffix: '水务局',
    legalBasis: '《中华人民共和国水法》',
    items: ['取水许可', '河道管理范围内建设项目审批', '排水户接管许可', '水土保持方案审批', '城市供水水质检测机构备案'],
  },
  {
    code: 'lhsr',
    cityName: '上海市绿化和市容管理局',
    districtSuffix: '绿化和市容管理局',
    legalBasis: '《上海市绿化条例》',
    items: ['户外广告设施设置许可', '砍伐移植树木审批', '临时占用绿地审批', '城市生活垃圾经营性收集运输许可', '景观灯光设置备案'],
  },
  {
    code: 'ypjg',
    cityName: '上海市药品监督管理局',
    districtSuffix: '药品监督管理分局',
    legalBasis: '《中华人民共和国药品管理法》',
    items: ['药品零售企业许可', '医疗器械经营许可', '第二类医疗器械经营备案', '化妆品生产许可', '药品经营质量管理规范认证'],
  },
  {
    code: 'sfj',
    cityName: '上海市司法局',
    districtSuffix: '司法局',
    legalBasis: '《中华人民共和国律师法》',
    items: ['律师执业许可', '公证员执业审批', '司法鉴定人执业登记', '基层法律服务工作者执业核准', '法律援助申请'],
  },
  {
    code: 'nyw',
    cityName: '上海市农业农村委员会',
    districtSuffix: '农业农村委员会',
    legalBasis: '《中华人民共和国种子法》',
    items: ['种子生产经营许可', '兽药经营许可', '动物防疫条件合格证', '农药经营许可', '渔业捕捞许可'],
  },
  {
    code: 'xf',
    cityName: '上海市消防救援总队',
    districtSuffix: '消防救援支队',
    legalBasis: '《中华人民共和国消防法》',
    items: ['公众聚集场所投入使用营业前消防安全检查', '消防设施维护保养检测机构备案', '大型活动消防安全检查'],
  },
  {
    code: 'sw',
    cityName: '国家税务总局上海市税务局',
    districtSuffix: '税务局',
    legalBasis: '《中华人民共和国税收征收管理法》',
    items: ['发票领用', '纳税证明开具', '出口退（免）税备案', '税务注销', '增值税专用发票最高开票限额审批'],
  },
];

/** The sub-items (业务办理项) a published item is split into. */
export const ITEM_VARIANTS: readonly string[] = ['新办', '变更', '延续', '注销', '补证'];

/** The street level's items, handled by each town's 社区事务受理服务中心 for eleven departments. */
export const STREET_ITEMS: readonly string[] = [
  '居住证申领',
  '居住登记',
  '老年综合津贴申请',
  '城乡居民基本医疗保险参保登记',
  '就业失业登记',
  '灵活就业人员社会保险登记',
  '最低生活保障申请',
  '残疾人证申领',
  '独生子女父母奖励费申领',
  '敬老卡申领',
  '生育保险待遇申领',
  '社会保障卡申领',
  '城乡居民养老保险参保登记',
  '医疗救助申请',
  '临时救助申请',
  '长期护理保险需求评估申请',
  '廉租住房申请受理',
  '退役军人优待证申领',
  '计划生育家庭特别扶助金申领',
  '高龄老人医疗护理计划申请',
];

/** The neighbourhood level's items, taken in by the 居委会 / 村委会 and passed on. */
export const VILLAGE_ITEMS: readonly string[] = [
  '居民家庭经济状况核对授权受理',
  '居住情况证明出具',
  '残疾人辅助器具申请受理',
  '邻里纠纷调解申请',
  '房屋租赁信息登记',
  '老年人助餐服务申请',
];

/** 提前服务: what is offered before the formal application, with what it covers. */
export const ADVANCE_SERVICES: ReadonlyArray<{ name: string; department: string; contents: readonly string[] }> = [
  { name: '产业项目选址及规划条件提前服务', department: 'ghzy', contents: ['site_survey', 'technical_consultation'] },
  { name: '建设项目环境影响评价提前介入', department: 'sthj', contents: ['technical_review', 'technical_consultation'] },
  { name: '施工图设计文件审查前技术咨询', department: 'zjw', contents: ['technical_review', 'technical_consultation'] },
  { name: '建设工程消防设计提前指导', department: 'xf', contents: ['technical_review', 'on_site_verification'] },
  { name: '食品生产企业选址与布局指导', department: 'scjg', contents: ['site_survey', 'technical_consultation'] },
  { name: '医疗机构设置前置咨询', department: 'wjw', contents: ['on_site_verification', 'technical_consultation'] },
  { name: '危险化学品企业安全条件预审指导', department: 'yjj', contents: ['on_site_verification', 'expert_review'] },
  { name: '重大项目水土保持方案提前服务', department: 'swu', contents: ['site_survey', 'expert_review'] },
  { name: '排水接管方案预审', department: 'swu', contents: ['technical_review'] },
  { name: '特种设备安装前技术咨询', department: 'scjg', contents: ['inspection', 'technical_consultation'] },
  { name: '药品生产企业质量体系符合性指导', department: 'ypjg', contents: ['on_site_verification', 'testing'] },
  { name: '取水工程现场勘察', department: 'swu', contents: ['site_survey'] },
  { name: '动植物及其产品检疫指导', department: 'nyw', contents: ['quarantine', 'technical_consultation'] },
  { name: '建设项目节能审查指导', department: 'zjw', contents: ['technical_review', 'expert_review'] },
  { name: '交通影响评价预咨询', department: 'jtw', contents: ['expert_review', 'technical_consultation'] },
  { name: '外资项目落地全程跟踪服务', department: 'swj', contents: ['technical_consultation'] },
  { name: '医疗器械生产企业体系核查指导', department: 'ypjg', contents: ['on_site_verification', 'testing'] },
  { name: '地下空间开发利用技术审查', department: 'ghzy', contents: ['technical_review'] },
  { name: '民防工程建设提前介入', department: 'zjw', contents: ['on_site_verification', 'technical_consultation'] },
  { name: '绿地建设方案批前指导', department: 'lhsr', contents: ['site_survey', 'technical_consultation'] },
];

/** 当年落地: the approvals a same-year project goes through, from land to completion acceptance. */
export const LANDING_ITEMS: ReadonlyArray<{ name: string; department: string }> = [
  { name: '建设用地规划许可证核发', department: 'ghzy' },
  { name: '建设工程规划许可证核发', department: 'ghzy' },
  { name: '建筑工程施工许可证核发', department: 'zjw' },
  { name: '建设工程竣工规划资源验收', department: 'ghzy' },
  { name: '建设工程竣工验收备案', department: 'zjw' },
  { name: '建设工程消防验收', department: 'xf' },
  { name: '建设项目环境影响报告书审批', department: 'sthj' },
  { name: '建设项目用地预审与选址意见书核发', department: 'ghzy' },
  { name: '施工图设计文件审查备案', department: 'zjw' },
  { name: '建设工程消防设计审查', department: 'xf' },
];

/** Materials that most applications need besides their own form. */
export const COMMON_MATERIALS: ReadonlyArray<{ name: string; source: 'applicant' | 'data_sharing' | 'administrative_assistance'; form: 'paper' | 'electronic' | 'paper_or_electronic' }> = [
  { name: '申请人身份证明', source: 'applicant', form: 'paper' },
  { name: '营业执照', source: 'data_sharing', form: 'electronic' },
  { name: '经营场所使用证明', source: 'applicant', form: 'paper_or_electronic' },
  { name: '法定代表人任职文件', source: 'applicant', form: 'paper' },
  { name: '场所平面布局图', source: 'applicant', form: 'paper' },
  { name: '不动产权属证明', source: 'data_sharing', form: 'electronic' },
  { name: '相关部门意见书', source: 'administrative_assistance', form: 'electronic' },
  { name: '专业技术人员资格证明', source: 'applicant', form: 'paper_or_electronic' },
];

/** Topics people ask about at a window (咨询) without applying. */
export const CONSULTATION_TOPICS: readonly string[] = [
  '需要准备哪些材料',
  '能否网上办理',
  '办理时限是多久',
  '节假日是否可以办理',
  '是否可以告知承诺方式办理',
  '是否收取费用',
  '异地是否可以办理',
  '委托他人办理需要什么手续',
];
