import { toApi } from '../shared/api-names';
import { apiLevel } from '../shared/regions';
import type { ChainAssessment } from '../approval-chain/chain-assessment';
import type { ExistingProject } from './project.state';

/** A project as the staff API shows it: API enum names, the approval chain with today's figures. */
export function projectView(state: ExistingProject, version: number, assessment: ChainAssessment | null) {
  return {
    projectId: state.projectId,
    version,
    status: state.status,
    name: state.name,
    unitId: state.unitId,
    level: apiLevel(state.level),
    listRegionCode: state.listRegionCode,
    siteRegionCode: state.siteRegionCode,
    owner: { kind: toApi('APPLICANT_KIND', state.owner.kind), applicantId: state.owner.applicantId },
    industry: state.industry,
    investmentTenThousandYuan: state.investmentTenThousandYuan,
    industrial: state.industrial,
    target: toApi('LANDING_TARGET', state.target),
    listingYear: state.listingYear,
    readyForAcceptanceOn: state.readyForAcceptanceOn || null,
    documents: state.documents.map((document) => ({ ...document, kind: toApi('PROJECT_BASIS', document.kind) })),
    listing: state.listing,
    milestones: state.milestones.map((reached) => ({ ...reached, milestone: toApi('MILESTONE', reached.milestone) })),
    openChangeRequest: state.pendingChange && {
      changeRequestId: state.pendingChange.changeRequestId,
      change: state.pendingChange.changeKind === 'PROJECT_CHANGE_KIND_TARGET' ? 'target' : 'delisting',
      target: state.pendingChange.proposedTarget && toApi('LANDING_TARGET', state.pendingChange.proposedTarget),
      reason: state.pendingChange.reason,
    },
    openExclusionRequest: state.pendingExclusion && { ...state.pendingExclusion, reason: toApi('EXCLUSION_REASON', state.pendingExclusion.reason) },
    exclusion: state.exclusion && { ...state.exclusion, reason: toApi('EXCLUSION_REASON', state.exclusion.reason) },
    yearOutcome: state.yearOutcome && toApi('YEAR_OUTCOME', state.yearOutcome),
    approvalChain: state.chain && {
      ...assessment,
      flaggedOn: state.chain.flaggedOn,
      completedOn: state.chain.completedOn,
      approvals: state.chain.approvals,
      meetings: state.chain.meetings,
    },
  };
}
