import type { TypedEvent } from '@sangeyipi/contracts';
import { toPeople, toUnitStaff } from './message-recipients';
import type { AdvanceServiceRequest, MessageIntent, UnitContacts } from './notification.types';

/** What the planner knows besides a projects event. */
export interface ProjectPlanningContext {
  /** For AdvanceServiceScheduled and AdvanceServiceCompleted: the request, from its AdvanceServiceRequested event. */
  request?: AdvanceServiceRequest;
  /** The directory entry of the unit providing the service. */
  unit?: UnitContacts;
}

/**
 * Which messages a projects event calls for: a request for service before the application (提前服务)
 * to the unit that serves it; its appointment to the applicant and to the staff assigned; and its
 * outcome — with the issues to settle before applying, so that the formal application takes no
 * detour — to the applicant. Catalog listings, milestones and year
 * closings are public figures and call for no message.
 */
export function planProjectMessages(event: TypedEvent, { request, unit }: ProjectPlanningContext): MessageIntent[] {
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
    default:
      return [];
  }
}
