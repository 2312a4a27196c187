import { conflict, RulesViolated } from '../shared/projects.errors';
import type { AdministrativeLevel, YearOutcome } from '../project/project.events';
import type { LandingListRef } from '../project/project.decider';

/** The stream of one same-year landing list (当年落地目录) of one level, region and year. */
export function landingListStreamId(list: LandingListRef): string {
  return `landing-list-${list.level}-${list.regionCode}-${list.listingYear}`;
}

export type LandingListEvent =
  | { type: 'projects.LandingListBatchPublished'; data: BatchPublishedData } | { type: 'projects.LandingListYearClosed'; data: YearClosedData };

interface BatchPublishedData {
  batchId: string;
  level: AdministrativeLevel;
  regionCode: string;
  listingYear: number;
  batchNumber: number;
  title: string;
  projectIds: string[];
  publishedOn: string;
}

export interface YearClosedData {
  level: AdministrativeLevel;
  regionCode: string;
  listingYear: number;
  listed: number;
  landed: number;
  missed: number;
  excluded: number;
  closedOn: string;
}

export interface LandingListState {
  batchCount: number;
  projectIds: string[];
  closed: YearClosedData | null;
}

export const initialLandingListState = (): LandingListState => ({ batchCount: 0, projectIds: [], closed: null });

export function evolveLandingList(state: LandingListState, event: LandingListEvent): LandingListState {
  switch (event.type) {
    case 'projects.LandingListBatchPublished':
      return { ...state, batchCount: event.data.batchNumber, projectIds: [...state.projectIds, ...event.data.projectIds] };
    case 'projects.LandingListYearClosed':
      return { ...state, closed: event.data };
  }
}

export type LandingListCommand =
  | { type: 'PublishBatch'; data: { list: LandingListRef; batchId: string; title: string; projectIds: string[]; publishedOn: string } }
  | { type: 'RecordYearClosed'; data: { list: LandingListRef; outcomes: YearOutcome[]; closedOn: string } };

/**
 * Numbers the batches of a list ("成熟一批、公布一批": 第1批, 第2批, …) and records the year's closing once.
 * The projects' own ProjectListed / ProjectYearClosed come from the project decider.
 */
export function decideLandingList(command: LandingListCommand, state: LandingListState): LandingListEvent[] {
  if (state.closed) conflict('year-closed', `the ${command.data.list.listingYear} list of ${command.data.list.regionCode} is closed`);
  switch (command.type) {
    case 'PublishBatch': {
      const { list, batchId, title, projectIds, publishedOn } = command.data;
      if (projectIds.length === 0) throw new RulesViolated([{ field: 'projectIds', rule: 'at-least-one-project', message: 'a batch lists at least one project' }]);
      const seen = new Set<string>();
      projectIds.forEach((projectId, index) => {
        if (seen.has(projectId)) throw new RulesViolated([{ field: `projectIds[${index}]`, rule: 'distinct-projects', message: `project ${projectId} is named twice` }]);
        seen.add(projectId);
      });
      return [
        {
          type: 'projects.LandingListBatchPublished',
          data: { batchId, level: list.level, regionCode: list.regionCode, listingYear: list.listingYear, batchNumber: state.batchCount + 1, title, projectIds, publishedOn },
        },
      ];
    }
    case 'RecordYearClosed': {
      const { list, outcomes, closedOn } = command.data;
      const count = (outcome: YearOutcome) => outcomes.filter((candidate) => candidate === outcome).length;
      return [
        {
          type: 'projects.LandingListYearClosed',
          data: {
            level: list.level,
            regionCode: list.regionCode,
            listingYear: list.listingYear,
            listed: outcomes.length,
            landed: count('YEAR_OUTCOME_LANDED'),
            missed: count('YEAR_OUTCOME_MISSED'),
            excluded: count('YEAR_OUTCOME_EXCLUDED'),
            closedOn,
          },
        },
      ];
    }
  }
}
