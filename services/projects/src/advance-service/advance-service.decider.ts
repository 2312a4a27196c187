import { conflict, requireNoViolations, type RuleViolation } from '../shared/projects.errors';
import type { ApplicantRef } from '../project/project.events';
import type { AdvanceServiceApproach, AdvanceServiceEvent, AdvanceServiceFocus, AdvanceServiceKind, AdvanceServiceOrigin, AssignedStaff } from './advance-service.events';

/** An advance-service catalog item as the local catalog copy has it. */
export interface AdvanceServiceItem {
  itemId: string;
  unitId: string;
  regionCode: string;
  advanceService: boolean;
  withdrawn: boolean;
  approaches: AdvanceServiceApproach[];
  kinds: AdvanceServiceKind[];
}

/** requested → scheduled → delivered; later cases of the applicant are linked at any point after the request. */
export type AdvanceServiceStatus = 'requested' | 'scheduled' | 'delivered';

export type AdvanceServiceState =
  | { status: 'none' }
  | {
      status: AdvanceServiceStatus;
      requestId: string;
      itemId: string;
      unitId: string;
      regionCode: string;
      applicant: ApplicantRef;
      projectId: string;
      approach: AdvanceServiceApproach;
      kinds: AdvanceServiceKind[];
      focuses: AdvanceServiceFocus[];
      subject: string;
      origin: AdvanceServiceOrigin;
      targetItemIds: string[];
      requestedOn: string;
      schedule: { scheduledOn: string; staff: AssignedStaff[]; location: string } | null;
      delivery: { completedOn: string; summary: string; findings: string[]; issuesToAddress: string[] } | null;
      linkedCases: { caseId: string; itemId: string; receivedOn: string }[];
    };

export const initialAdvanceServiceState = (): AdvanceServiceState => ({ status: 'none' });

export type AdvanceServiceCommand =
  | {
      type: 'RequestAdvanceService';
      data: {
        requestId: string;
        item: AdvanceServiceItem | null;
        itemId: string;
        applicant: ApplicantRef;
        projectId: string;
        approach: AdvanceServiceApproach;
        kinds: AdvanceServiceKind[];
        focuses: AdvanceServiceFocus[];
        subject: string;
        origin: AdvanceServiceOrigin;
        targetItemIds: string[];
        today: string;
      };
    }
  | { type: 'ScheduleService'; data: { scheduledOn: string; staff: AssignedStaff[]; location: string; today: string } }
  | { type: 'DeliverService'; data: { completedOn: string; summary: string; findings: string[]; issuesToAddress: string[]; today: string } }
  | { type: 'LinkCase'; data: { caseId: string; itemId: string; unitId: string; applicantId: string; receivedOn: string } };

/**
 * Whether a later case belongs to the service (the formal application it prepared): the same applicant,
 * received on or after the request, for one of the target items — or, without targets, any item of the
 * serving unit. 全程跟踪 follows every such case; the other approaches link the first case of each item.
 */
function caseBelongs(state: Exclude<AdvanceServiceState, { status: 'none' }>, link: Extract<AdvanceServiceCommand, { type: 'LinkCase' }>['data']): boolean {
  if (link.applicantId !== state.applicant.applicantId || link.receivedOn < state.requestedOn) return false;
  if (state.linkedCases.some((linked) => linked.caseId === link.caseId)) return false;
  const forService = state.targetItemIds.length > 0 ? state.targetItemIds.includes(link.itemId) : link.unitId === state.unitId;
  if (!forService) return false;
  if (state.approach === 'ADVANCE_SERVICE_APPROACH_FULL_TRACKING') return true;
  return !state.linkedCases.some((linked) => linked.itemId === link.itemId);
}

export function decideAdvanceService(command: AdvanceServiceCommand, state: AdvanceServiceState): AdvanceServiceEvent[] {
  if (command.type === 'RequestAdvanceService') {
    if (state.status !== 'none') conflict('request-exists', 'the advance-service request already exists');
    const { item, itemId, today, ...request } = command.data;
    if (!item || item.withdrawn) requireNoViolations([{ field: 'itemId', rule: 'published-item', message: `catalog item ${itemId} is not a published item` }]);
    else if (!item.advanceService) {
      requireNoViolations([{ field: 'itemId', rule: 'advance-service-item', message: `catalog item ${itemId} is not in an advance-service catalog (提前服务目录)` }]);
    } else {
      const violations: RuleViolation[] = [];
      if (!item.approaches.includes(request.approach)) {
        violations.push({ field: 'approach', rule: 'approach-offered-by-item', message: `the item offers ${item.approaches.join(', ') || 'no approach'}` });
      }
      request.kinds.forEach((kind, index) => {
        if (!item.kinds.includes(kind)) violations.push({ field: `kinds[${index}]`, rule: 'kind-offered-by-item', message: `the item offers ${item.kinds.join(', ')}` });
      });
      requireNoViolations(violations);
      return [{ type: 'projects.AdvanceServiceRequested', data: { ...request, itemId, unitId: item.unitId, regionCode: item.regionCode, requestedOn: today } }];
    }
    return [];
  }
  if (state.status === 'none') throw new Error(`${command.type} needs an existing request`);

  switch (command.type) {
    case 'ScheduleService': {
      if (state.status === 'delivered') conflict('already-delivered', `advance service ${state.requestId} has been delivered`);
      const { scheduledOn, staff, location, today } = command.data;
      if (scheduledOn < today) requireNoViolations([{ field: 'scheduledOn', rule: 'schedule-not-in-past', message: `a service is scheduled for today (${today}) or later` }]);
      return [{ type: 'projects.AdvanceServiceScheduled', data: { requestId: state.requestId, scheduledOn, staff, location } }];
    }
    case 'DeliverService': {
      if (state.status !== 'scheduled') conflict(state.status === 'delivered' ? 'already-delivered' : 'not-scheduled', `advance service ${state.requestId} is ${state.status}: only a scheduled service is delivered`);
      const { completedOn, summary, findings, issuesToAddress, today } = command.data;
      const violations: RuleViolation[] = [];
      if (completedOn > today) violations.push({ field: 'deliveredOn', rule: 'delivery-not-in-future', message: `a service is recorded once delivered (today is ${today})` });
      if (completedOn < state.requestedOn) violations.push({ field: 'deliveredOn', rule: 'delivery-after-request', message: `the service was requested on ${state.requestedOn}` });
      requireNoViolations(violations);
      return [{ type: 'projects.AdvanceServiceCompleted', data: { requestId: state.requestId, completedOn, summary, findings, issuesToAddress } }];
    }
    case 'LinkCase': {
      if (!caseBelongs(state, command.data)) return [];
      const { caseId, itemId, receivedOn } = command.data;
      return [{ type: 'projects.AdvanceServiceLinkedToCase', data: { requestId: state.requestId, caseId, itemId, applicant: state.applicant, receivedOn } }];
    }
  }
}

export function evolveAdvanceService(state: AdvanceServiceState, event: AdvanceServiceEvent): AdvanceServiceState {
  if (event.type === 'projects.AdvanceServiceRequested') {
    return { ...event.data, status: 'requested', schedule: null, delivery: null, linkedCases: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'projects.AdvanceServiceScheduled': {
      const { scheduledOn, staff, location } = event.data;
      return { ...state, status: 'scheduled', schedule: { scheduledOn, staff, location } };
    }
    case 'projects.AdvanceServiceCompleted': {
      const { completedOn, summary, findings, issuesToAddress } = event.data;
      return { ...state, status: 'delivered', delivery: { completedOn, summary, findings, issuesToAddress } };
    }
    case 'projects.AdvanceServiceLinkedToCase': {
      const { caseId, itemId, receivedOn } = event.data;
      return { ...state, linkedCases: [...state.linkedCases, { caseId, itemId, receivedOn }] };
    }
  }
}
