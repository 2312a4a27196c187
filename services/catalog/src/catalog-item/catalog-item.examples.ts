import type { CatalogItemDefinition } from './catalog-item.definition';

/**
 * Realistic item definitions that follow every rule, for tests, fixtures and the benchmark: start
 * from one and override the fields a scenario is about.
 */

/** 食品经营许可, an early-completion item: 20 statutory working days committed as 7 (a 65% cut). */
export function earlyFoodLicence(overrides: Partial<CatalogItemDefinition> = {}): CatalogItemDefinition {
  return {
    basicCode: '310101-SCJG-0012',
    implementationCode: '11310101MB2F0001XP3310101SCJG0012000',
    name: '食品经营许可（仅销售预包装食品）',
    kind: 'on_the_spot',
    completionMode: 'early',
    statutoryLimitDays: 20,
    committedLimitDays: 7,
    caseType: 'commitment_case',
    requiredMaterials: [
      {
        materialId: 'M01',
        name: '食品经营许可申请书',
        form: 'paper_or_electronic',
        copies: 1,
        originalRequired: true,
        source: 'applicant',
        replaceableByCommitment: false,
      },
      { materialId: 'M02', name: '营业执照', form: 'electronic', copies: 1, originalRequired: false, source: 'data_sharing', replaceableByCommitment: false },
      {
        materialId: 'M03',
        name: '经营场所平面布局图',
        form: 'paper',
        copies: 1,
        originalRequired: false,
        source: 'applicant',
        replaceableByCommitment: true,
      },
    ],
    approvalSteps: ['handle', 'decide'],
    approvalRoute: 'notification_commitment',
    visitsRequired: 1,
    onlineApplication: true,
    holidayService: false,
    statutoryFees: [],
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    advanceServiceApproaches: [],
    advanceServiceContents: [],
    ...overrides,
  };
}

/** 个体工商户设立登记, decided during the visit (当场办结). */
export function immediateRegistration(overrides: Partial<CatalogItemDefinition> = {}): CatalogItemDefinition {
  return earlyFoodLicence({
    basicCode: '310101-SCJG-0003',
    implementationCode: '11310101MB2F0001XP3310101SCJG0003000',
    name: '个体工商户设立登记',
    completionMode: 'immediate',
    statutoryLimitDays: 15,
    committedLimitDays: 0,
    caseType: 'immediate_case',
    approvalRoute: 'standard',
    requiredMaterials: [
      { materialId: 'M01', name: '个体工商户登记申请书', form: 'paper_or_electronic', copies: 1, originalRequired: true, source: 'applicant', replaceableByCommitment: false },
      { materialId: 'M02', name: '经营者身份证明', form: 'paper', copies: 1, originalRequired: true, source: 'applicant', replaceableByCommitment: false },
    ],
    approvalSteps: ['handle'],
    legalBasis: '《促进个体工商户发展条例》第八条',
    ...overrides,
  });
}

/** 建设工程规划选址的提前服务: site survey and technical guidance before the formal application. */
export function siteSelectionAdvanceService(overrides: Partial<CatalogItemDefinition> = {}): CatalogItemDefinition {
  return earlyFoodLicence({
    basicCode: '310101-GHZY-0101',
    implementationCode: '11310101MB2F0002XP3310101GHZY0101000',
    name: '产业项目选址及规划条件提前服务',
    kind: 'advance_service',
    completionMode: null,
    statutoryLimitDays: null,
    committedLimitDays: 10,
    caseType: 'commitment_case',
    requiredMaterials: [],
    approvalSteps: [],
    approvalRoute: 'standard',
    visitsRequired: 0,
    advanceServiceApproaches: ['early_involvement', 'on_site'],
    advanceServiceContents: ['site_survey', 'technical_consultation'],
    legalBasis: '《上海市城乡规划条例》',
    ...overrides,
  });
}
