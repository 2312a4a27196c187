import { conflict, requireNoViolations, RulesViolated } from '../shared/projects.errors';
import type {
  AdministrativeLevel,
  ExclusionReason,
  LandingTarget,
  Milestone,
  ProjectChangeKind,
  ProjectDescription,
  ProjectDocument,
  ProjectEvent,
} from './project.events';
import { checkDescription, checkDocuments, checkListingYear, checkTargetQualifies, landedOn, yearIsOver, yearOutcomeOf, type SiteFacts } from './project.rules';
import type { ExistingProject, ProjectState } from './project.state';

/** The list a batch publishes into: one level, one region, one year. */
export interface LandingListRef {
  level: AdministrativeLevel;
  regionCode: string;
  listingYear: number;
}

export type ProjectCommand =
  | {
      type: 'RegisterProject';
      data: { projectId: string; unitId: string; level: AdministrativeLevel; listRegionCode: string; listingYear: number; description: ProjectDescription; documents: ProjectDocument[]; site: SiteFacts; today: string };
    }
  | { type: 'AmendRegistration'; data: { description: ProjectDescription; site: SiteFacts; actorUserId: string; today: string } }
  | { type: 'RecordDocument'; data: { document: ProjectDocument; today: string } }
  | { type: 'ListProject'; data: { list: LandingListRef; batchId: string; batchNumber: number; publishedOn: string } }
  | { type: 'RecordMilestone'; data: { milestone: Milestone; reachedOn: string; evidenceDocumentNumber: string; evidenceDescription: string; today: string } }
  | { type: 'RequestChange'; data: { changeRequestId: string; changeKind: ProjectChangeKind; proposedTarget: LandingTarget | null; reason: string } }
  | { type: 'ApproveChange'; data: { changeRequestId: string; approvalReference: string } }
  | { type: 'RejectChange'; data: { changeRequestId: string; reason: string } }
  | { type: 'RequestExclusion'; data: { exclusionRequestId: string; reason: ExclusionReason; explanation: string; evidence: string[] } }
  | { type: 'ApproveExclusion'; data: { exclusionRequestId: string; approvalReference: string } }
  | { type: 'RejectExclusion'; data: { exclusionRequestId: string; reason: string } }
  | { type: 'CloseYear'; data: { today: string } };

/** Which fields of a listed project a direct edit tried to change, for the recorded attempt. */
function changedFields(state: ExistingProject, description: ProjectDescription): string {
  const fields = (Object.keys(description) as (keyof ProjectDescription)[]).filter((field) => JSON.stringify(description[field]) !== JSON.stringify(state[field]));
  return fields.length > 0 ? fields.join(', ') : 'nothing (same values)';
}

function requireListedAndOpen(state: ExistingProject, what: string): void {
  if (state.status !== 'listed') conflict('project-not-listed', `project ${state.projectId} is ${state.status}: ${what} only for a listed project`);
  if (state.yearOutcome) conflict('year-closed', `the ${state.listingYear} list year of project ${state.projectId} is closed (${state.yearOutcome})`);
}

/** What happens when `command` meets the project in `state`; throws a ProjectsRefusal when it may not. */
export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'RegisterProject') {
    if (state.status !== 'none') conflict('project-exists', 'the project is already registered');
    const { projectId, unitId, level, listRegionCode, listingYear, description, documents, site, today } = command.data;
    requireNoViolations([...checkListingYear(listingYear, today), ...checkDocuments(documents, today), ...checkDescription(description, documents, site, today)]);
    return [{ type: 'projects.ProjectRegistered', data: { projectId, unitId, level, listRegionCode, listingYear, documents, ...description } }];
  }
  if (state.status === 'none') throw new Error(`${command.type} needs an existing project`); // answered 404 before deciding
  const { projectId } = state;

  switch (command.type) {
    case 'AmendRegistration': {
      const { description, site, actorUserId, today } = command.data;
      if (state.status === 'listed') {
        // Refused, but recorded: the handler raises DirectChangeOfListedProjectRefused after the append.
        return [
          {
            type: 'projects.ProjectUnauthorizedChangeAttempted',
            data: { projectId, unitId: state.unitId, regionCode: state.listRegionCode, attemptedByUserId: actorUserId, attemptedChange: changedFields(state, description) },
          },
        ];
      }
      if (state.status !== 'registered') conflict('project-not-registered', `project ${projectId} is ${state.status}: only a registered project can be corrected`);
      requireNoViolations(checkDescription(description, state.documents, site, today));
      return [{ type: 'projects.ProjectRegistrationAmended', data: { projectId, ...description } }];
    }

    case 'RecordDocument': {
      if (state.status === 'delisted') conflict('project-delisted', `project ${projectId} has left its list`);
      const { document, today } = command.data;
      if (state.documents.some((held) => held.kind === document.kind)) conflict('document-already-recorded', `project ${projectId} already holds a ${document.kind}`);
      requireNoViolations(checkDocuments([document], today, 'document').map((violation) => ({ ...violation, field: violation.field.replace('document[0]', 'document') })));
      return [{ type: 'projects.ProjectDocumentRecorded', data: { projectId, document } }];
    }

    case 'ListProject': {
      const { list, batchId, batchNumber, publishedOn } = command.data;
      if (state.status !== 'registered') conflict('project-not-registered', `project ${projectId} is ${state.status}: only a registered project can be listed`);
      if (state.level !== list.level || state.listRegionCode !== list.regionCode || state.listingYear !== list.listingYear) {
        throw new RulesViolated([
          {
            field: 'projectIds',
            rule: 'project-in-list',
            message: `project ${projectId} (${state.level} ${state.listRegionCode} ${state.listingYear}) does not belong to the list of ${list.level} ${list.regionCode} ${list.listingYear}`,
          },
        ]);
      }
      // The target must still qualify: documents may have been recorded or the target corrected since registration.
      requireNoViolations(checkTargetQualifies(state.target, state.documents, state.readyForAcceptanceOn, 'projectIds'));
      const basis = state.documents[0];
      return [
        {
          type: 'projects.ProjectListed',
          data: {
            projectId,
            name: state.name,
            unitId: state.unitId,
            level: state.level,
            regionCode: state.siteRegionCode,
            listRegionCode: state.listRegionCode,
            owner: state.owner,
            basis: basis?.kind ?? 'PROJECT_BASIS_UNSPECIFIED',
            basisDocumentNumber: basis?.documentNumber ?? '',
            target: state.target,
            listingYear: state.listingYear,
            industrial: state.industrial,
            industry: state.industry,
            investmentTenThousandYuan: state.investmentTenThousandYuan,
            batchId,
            batchNumber,
            publishedOn,
          },
        },
      ];
    }

    case 'RecordMilestone': {
      requireListedAndOpen(state, 'milestones are recorded');
      const { milestone, reachedOn, evidenceDocumentNumber, evidenceDescription, today } = command.data;
      if (reachedOn > today) throw new RulesViolated([{ field: 'reachedOn', rule: 'milestone-not-in-future', message: `a milestone cannot be reached after today (${today})` }]);
      if (reachedOn < `${state.listingYear}-01-01`) {
        throw new RulesViolated([{ field: 'reachedOn', rule: 'milestone-not-before-list-year', message: `a project of the ${state.listingYear} list had not reached it before the year began` }]);
      }
      if (state.milestones.some((reached) => reached.milestone === milestone)) conflict('milestone-already-recorded', `project ${projectId} already reached ${milestone}`);
      return [{ type: 'projects.MilestoneReached', data: { projectId, milestone, reachedOn, evidenceDocumentNumber, evidenceDescription } }];
    }

    case 'RequestChange': {
      requireListedAndOpen(state, 'change requests are made');
      if (state.pendingChange) conflict('change-request-open', `change request ${state.pendingChange.changeRequestId} is still open`);
      const { changeRequestId, changeKind, proposedTarget, reason } = command.data;
      if (changeKind === 'PROJECT_CHANGE_KIND_TARGET') {
        if (!proposedTarget) throw new RulesViolated([{ field: 'target', rule: 'target-required', message: 'a target change names the new target' }]);
        if (proposedTarget === state.target) throw new RulesViolated([{ field: 'target', rule: 'target-differs', message: `the project's target already is ${proposedTarget}` }]);
        requireNoViolations(checkTargetQualifies(proposedTarget, state.documents, state.readyForAcceptanceOn, 'target'));
        return [{ type: 'projects.ProjectChangeRequested', data: { projectId, changeRequestId, changeKind, proposedTarget, reason } }];
      }
      return [{ type: 'projects.ProjectChangeRequested', data: { projectId, changeRequestId, changeKind, reason } }];
    }

    case 'ApproveChange': {
      const pending = openChange(state, command.data.changeRequestId);
      const { approvalReference } = command.data;
      const approved: ProjectEvent = { type: 'projects.ProjectChangeApproved', data: { projectId, changeRequestId: pending.changeRequestId, changeKind: pending.changeKind, approvalReference } };
      if (pending.changeKind === 'PROJECT_CHANGE_KIND_DELISTING') {
        return [
          approved,
          { type: 'projects.ProjectDelisted', data: { projectId, changeRequestId: pending.changeRequestId, approvalReference, reason: pending.reason, listingYear: state.listingYear } },
        ];
      }
      return [
        approved,
        {
          type: 'projects.ProjectTargetChanged',
          data: { projectId, previousTarget: state.target, target: pending.proposedTarget ?? state.target, changeRequestId: pending.changeRequestId, approvalReference },
        },
      ];
    }

    case 'RejectChange': {
      const pending = openChange(state, command.data.changeRequestId);
      return [{ type: 'projects.ProjectChangeRejected', data: { projectId, changeRequestId: pending.changeRequestId, reason: command.data.reason } }];
    }

    case 'RequestExclusion': {
      requireListedAndOpen(state, 'exclusions are requested');
      if (state.exclusion) conflict('already-excluded', `project ${projectId} is already excluded`);
      if (state.pendingExclusion) conflict('exclusion-request-open', `exclusion request ${state.pendingExclusion.exclusionRequestId} is still open`);
      if (landedOn(state.target, state.listingYear, state.milestones)) conflict('already-landed', `project ${projectId} has reached its target: there is nothing to exclude`);
      const { exclusionRequestId, reason, explanation, evidence } = command.data;
      if (evidence.length === 0) throw new RulesViolated([{ field: 'evidence', rule: 'evidence-required', message: 'an exclusion needs evidence of the enterprise reason, policy change or natural conditions' }]);
      return [{ type: 'projects.ProjectExclusionRequested', data: { projectId, exclusionRequestId, reason, explanation, evidence } }];
    }

    case 'ApproveExclusion': {
      const pending = openExclusion(state, command.data.exclusionRequestId);
      return [
        {
          type: 'projects.ProjectExcluded',
          data: { projectId, ...pending, approvalReference: command.data.approvalReference },
        },
      ];
    }

    case 'RejectExclusion': {
      const pending = openExclusion(state, command.data.exclusionRequestId);
      return [{ type: 'projects.ProjectExclusionRejected', data: { projectId, exclusionRequestId: pending.exclusionRequestId, reason: command.data.reason } }];
    }

    case 'CloseYear': {
      // Only listed projects have a year to close; one already closed (another replica, a second call) closes nothing.
      if (state.status !== 'listed' || state.yearOutcome) return [];
      if (!yearIsOver(state.listingYear, command.data.today)) conflict('year-not-over', `the ${state.listingYear} list year is not over before ${state.listingYear + 1}-01-01`);
      return [
        {
          type: 'projects.ProjectYearClosed',
          data: {
            projectId,
            listingYear: state.listingYear,
            outcome: yearOutcomeOf(state.exclusion !== null, state.target, state.listingYear, state.milestones),
            unitId: state.unitId,
            regionCode: state.siteRegionCode,
            level: state.level,
            target: state.target,
          },
        },
      ];
    }
  }
}

function openChange(state: ExistingProject, changeRequestId: string): NonNullable<ExistingProject['pendingChange']> {
  if (state.yearOutcome) conflict('year-closed', `the ${state.listingYear} list year of project ${state.projectId} is closed`);
  if (state.pendingChange?.changeRequestId !== changeRequestId) conflict('change-request-not-open', `change request ${changeRequestId} is not open`);
  return state.pendingChange;
}

function openExclusion(state: ExistingProject, exclusionRequestId: string): NonNullable<ExistingProject['pendingExclusion']> {
  if (state.yearOutcome) conflict('year-closed', `the ${state.listingYear} list year of project ${state.projectId} is closed`);
  if (state.pendingExclusion?.exclusionRequestId !== exclusionRequestId) conflict('exclusion-request-not-open', `exclusion request ${exclusionRequestId} is not open`);
  return state.pendingExclusion;
}
