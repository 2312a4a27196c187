/** How big a demo world is. Every count is exact: the generated world has precisely these numbers. */
export interface DemoSize {
  /** Seed of the world's random draws: the same size and seed give the same world. */
  seed: number;
  /** Districts with units and catalogs, of Shanghai's 16 in code order (黄浦 310101 first). */
  districts: number;
  /** City departments (市级部门) registered as units, of the 20 the vocabulary knows. */
  cityDepartments: number;
  /** District departments per district. */
  departmentsPerDistrict: number;
  /** Towns/streets per district whose 社区事务受理服务中心 is a unit with a street-level catalog. */
  townsPerDistrict: number;
  /** Sample villages/neighbourhoods (居村) with a unit and a catalog, within the chosen towns. */
  villages: number;
  /** City on-the-spot catalog (当场办结): 329 in the first year of the reform. */
  cityOnTheSpotItems: number;
  /** City advance-service catalog (提前服务): 19–20 items. */
  advanceServiceItems: number;
  /** City same-year-landing catalog (当年落地): the approvals same-year projects go through. */
  cityLandingItems: number;
  /** On-the-spot items per district catalog. */
  districtItemsPerDistrict: number;
  districtAdvanceItemsPerDistrict: number;
  districtLandingItemsPerDistrict: number;
  /** Street-level on-the-spot items per district, spread over its towns' catalogs. */
  streetItemsPerDistrict: number;
  villageItemsPerVillage: number;
  /** Each catalog is published in this many numbered batches ("成熟一批、公布一批"). */
  batchesPerCatalog: number;
  /** Share of drafts the reform office first sends back, which the unit amends and resubmits. */
  draftsSentBackShare: number;
  /** 当年落地 projects on each district's list of the year (when the projects service is there). */
  projectsPerDistrict: number;
  /** Projects on the city's list of the year. */
  cityProjects: number;
  /** 执法检查人员 per district (when the supervision service is there), spread over its units. */
  inspectorsPerDistrict: number;
  /** Enterprises per district in the inspection target registry (检查对象名录库). */
  enterpriseTargetsPerDistrict: number;
}

/** Sized like the published catalogs: ~330 city on-the-spot items, 20 advance-service items, hundreds below. */
export const FULL_DEMO: DemoSize = {
  seed: 20170824, // the reform's issue date, 沪府发〔2017〕54号
  districts: 16,
  cityDepartments: 20,
  departmentsPerDistrict: 8,
  townsPerDistrict: 4,
  villages: 9,
  cityOnTheSpotItems: 330,
  advanceServiceItems: 20,
  cityLandingItems: 10,
  districtItemsPerDistrict: 40,
  districtAdvanceItemsPerDistrict: 2,
  districtLandingItemsPerDistrict: 4,
  streetItemsPerDistrict: 24,
  villageItemsPerVillage: 2,
  batchesPerCatalog: 2,
  draftsSentBackShare: 0.03,
  projectsPerDistrict: 24,
  cityProjects: 40,
  inspectorsPerDistrict: 8,
  enterpriseTargetsPerDistrict: 30,
};

/** Every level and every kind of catalog, in a few dozen items: seeds in seconds, for tests. */
export const SMALL_DEMO: DemoSize = {
  seed: 7,
  districts: 2,
  cityDepartments: 4,
  departmentsPerDistrict: 2,
  townsPerDistrict: 1,
  villages: 2,
  cityOnTheSpotItems: 12,
  advanceServiceItems: 2,
  cityLandingItems: 2,
  districtItemsPerDistrict: 6,
  districtAdvanceItemsPerDistrict: 1,
  districtLandingItemsPerDistrict: 1,
  streetItemsPerDistrict: 3,
  villageItemsPerVillage: 1,
  batchesPerCatalog: 2,
  draftsSentBackShare: 0.1,
  projectsPerDistrict: 2,
  cityProjects: 2,
  inspectorsPerDistrict: 6,
  enterpriseTargetsPerDistrict: 4,
};
