import type { ProjectDescription, ProjectDocument, ProjectEvent } from './project.events';

/**
 * Shared given-facts of the unit specs: a Pudong district project and its events. Not used by production
 * code; kept beside the domain so that the specs read the same way.
 */
export const PROJECT_ID = '4c3b2a19-0817-4f6e-8d5c-4b3a29180716';
export const UNIT = 'unit-310115-jw';
export const LAND_USE: ProjectDocument = { kind: 'PROJECT_BASIS_LAND_USE_APPROVAL', documentNumber: '沪浦建用地〔2025〕第0088号', issuedOn: '2025-06-02' };

export function description(overrides: Partial<ProjectDescription> = {}): ProjectDescription {
  return {
    name: '临港新片区智能制造产业基地一期',
    siteRegionCode: '310115',
    owner: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: '91310115MA1K4ABC12' },
    industry: 'C39 计算机、通信和其他电子设备制造业',
    investmentTenThousandYuan: 120000,
    industrial: true,
    target: 'LANDING_TARGET_START_OR_OPEN',
    readyForAcceptanceOn: '',
    ...overrides,
  };
}

export function registered(overrides: Partial<ProjectDescription> = {}, documents: ProjectDocument[] = [LAND_USE]): ProjectEvent {
  return {
    type: 'projects.ProjectRegistered',
    data: { projectId: PROJECT_ID, unitId: UNIT, level: 'ADMINISTRATIVE_LEVEL_DISTRICT', listRegionCode: '310115', listingYear: 2025, documents, ...description(overrides) },
  };
}

export const LISTED: ProjectEvent = {
  type: 'projects.ProjectListed',
  data: {
    projectId: PROJECT_ID,
    name: '临港新片区智能制造产业基地一期',
    unitId: UNIT,
    level: 'ADMINISTRATIVE_LEVEL_DISTRICT',
    regionCode: '310115',
    listRegionCode: '310115',
    owner: { kind: 'APPLICANT_KIND_ENTERPRISE', applicantId: '91310115MA1K4ABC12' },
    basis: 'PROJECT_BASIS_LAND_USE_APPROVAL',
    basisDocumentNumber: LAND_USE.documentNumber,
    target: 'LANDING_TARGET_START_OR_OPEN',
    listingYear: 2025,
    industrial: true,
    industry: 'C39 计算机、通信和其他电子设备制造业',
    investmentTenThousandYuan: 120000,
    batchId: 'batch-1',
    batchNumber: 1,
    publishedOn: '2025-09-26',
  },
};

/** Runs a command expecting a refusal; answers the error thrown. */
export function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('the command was accepted');
}
