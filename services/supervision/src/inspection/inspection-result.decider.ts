import type { WorkingDayCalendar } from '@sangeyipi/platform';
import { SupervisionStateConflict, SupervisionRulesViolated, type FieldViolation } from '../supervision.errors';
import type { InspectionOutcome, InspectionPublicationLate, InspectionResultPublished } from '../supervision.events';

/** Results of 双随机 inspections are published within 20 working days of the inspection (结果公示). */
export const PUBLICATION_LIMIT_WORKING_DAYS = 20;

export interface DrawnInspectionRecord {
  inspectionId: string;
  planId: string;
  targetId: string;
  drawnOn: string;
  /** True once its result has been published (the inspection's stream has events). */
  published: boolean;
}

export interface PublishResult {
  outcome: InspectionOutcome;
  summary: string;
  inspectedOn: string;
  today: string;
}

/** The last day to publish: the 20th working day after the inspection (the inspection day not counted). */
export function publicationDueOn(inspectedOn: string, calendar: WorkingDayCalendar): string {
  return calendar.addWorkingDays(inspectedOn, PUBLICATION_LIMIT_WORKING_DAYS);
}

/** Publishes a result today; a publication after the due day is flagged (InspectionPublicationLate). */
export function publishResult(
  command: PublishResult,
  inspection: DrawnInspectionRecord,
  calendar: WorkingDayCalendar,
): [InspectionResultPublished] | [InspectionResultPublished, InspectionPublicationLate] {
  if (inspection.published) throw new SupervisionStateConflict('result-published', `the result of inspection ${inspection.inspectionId} is already published`);
  const problems: FieldViolation[] = [];
  if (command.inspectedOn < inspection.drawnOn) problems.push({ field: 'inspectedOn', rule: 'after-draw', message: `must be on or after the draw (${inspection.drawnOn})` });
  if (command.inspectedOn > command.today) problems.push({ field: 'inspectedOn', rule: 'not-in-the-future', message: `must be ${command.today} or earlier` });
  if (problems.length) throw new SupervisionRulesViolated(problems);
  const published: InspectionResultPublished = {
    type: 'supervision.InspectionResultPublished',
    data: {
      inspectionId: inspection.inspectionId,
      planId: inspection.planId,
      targetId: inspection.targetId,
      outcome: command.outcome,
      summary: command.summary,
      inspectedOn: command.inspectedOn,
      publishedOn: command.today,
    },
  };
  const dueOn = publicationDueOn(command.inspectedOn, calendar);
  if (command.today <= dueOn) return [published];
  return [
    published,
    {
      type: 'supervision.InspectionPublicationLate',
      data: {
        inspectionId: inspection.inspectionId,
        planId: inspection.planId,
        inspectedOn: command.inspectedOn,
        dueOn,
        publishedOn: command.today,
        workingDaysTaken: calendar.countWorkingDays(command.inspectedOn, command.today),
      },
    },
  ];
}
