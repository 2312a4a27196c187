import type { TypedEvent } from '@sangeyipi/contracts';
import { toPeople, toUnitStaff } from './message-recipients';
import type { AdvanceServiceRequest, MessageIntent, ProjectCopy, UnitContacts } from './notification.types';

/** What the planner knows besides a projects event. */
export interface ProjectPlanningContext {
  /** For AdvanceServiceScheduled and AdvanceServiceCompleted: the request, from its AdvanceServiceRequested event. */
  request?: AdvanceServiceRequest;
  /** For the events naming only a project: the project, from its registration or listing. */
  project?: ProjectCopy;
  /** The directory entry of the unit concerned: serving the request, or following the project. */
  unit?: UnitContacts;
}

/**
 * Which messages a projects event calls for: a request for service before the application (提前服务)
 * to the unit that serves it; its appointment to the applicant and to the staff assigned; and its
 * outcome — with the issues to settle before applying, so that the formal application takes no
 * detour — to the applicant. To the unit following a project: an industrial approval chain at risk
 * of missing two thirds of the statutory time, while there is time to act, and refused changes and
 * exclusions. Listings, milestones and year closings are public figures and call for no message.
 */
export function planProjectMessages(event: TypedEvent, { request, project, unit }: ProjectPlanningContext): MessageIntent[] {
  const projectName = project?.name ?? ('projectId' in event.data ? event.data.projectId : '');
  switch (event.type) {
    case 'projects.AdvanceServiceRequested':
      return toUnitStaff(unit, ['handler'], 'advance-service-requested', { subject: event.data.subject, itemId: event.data.itemId });
    case 'projects.AdvanceServiceScheduled': {
      if (!request) return [];
      const params = {
        subject: request.subject,
        scheduledOn: event.data.scheduledOn,
        location: event.data.location || '—',
        badges: event.data.staff.map((member) => member.badge).filter(Boolean).join('、') || '—',
      };
      return [...toPeople([request.applicantId], 'advance-service-scheduled', params), ...toPeople(event.data.staff.map((member) => member.userId), 'advance-service-assigned', params)];
    }
    case 'projects.AdvanceServiceCompleted':
      if (!request) return [];
      return toPeople([request.applicantId], 'advance-service-completed', {
        subject: request.subject,
        summary: event.data.summary,
        issues: event.data.issuesToAddress.join('；') || '—',
        completedOn: event.data.completedOn,
      });
    case 'projects.IndustrialApprovalAtRisk':
      return toUnitStaff(unit, ['handler'], 'industrial-approval-at-risk', {
        projectName,
        elapsedDays: String(event.data.elapsedDays),
        forecastDays: String(event.data.forecastDays),
        budgetDays: String(event.data.budgetDays),
      });
    case 'projects.ProjectChangeRejected':
      return toUnitStaff(unit, [], 'project-change-rejected', { projectName, reason: event.data.reason });
    case 'projects.ProjectExclusionRejected':
      return toUnitStaff(unit, [], 'project-exclusion-rejected', { projectName, reason: event.data.reason });
    default:
      return [];
  }
}
