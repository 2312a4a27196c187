import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, toShanghaiDate, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { ActionForbidden, conflict, NotFound, requireNoViolations, RulesViolated } from '../shared/projects.errors';
import { reviewsRegion } from '../shared/access.policy';
import { commandMetadata, ProjectStreams, projectStreamId, type StreamAppend } from '../shared/project-streams.repository';
import { contractLevelOf } from '../shared/regions';
import { decideProject, type LandingListRef } from '../project/project.decider';
import type { AdministrativeLevel, YearOutcome } from '../project/project.events';
import { checkListingYear, yearIsOver } from '../project/project.rules';
import { decideLandingList, landingListStreamId, type YearClosedData } from './landing-list.decider';
import type { LandingListRefDto } from './dto/landing-list.dto';

export interface BatchOutcome {
  batchId: string;
  batchNumber: number;
  projectIds: string[];
}

/**
 * Publishes the batches of a same-year landing list and closes its year. Both touch the list's stream and
 * every project named, in one transaction: a lost race on any of them (409) changes nothing.
 */
@Injectable()
export class LandingListCommandHandler {
  constructor(
    private readonly streams: ProjectStreams,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publishBatch(user: AuthenticatedUser, dto: LandingListRefDto & { title: string; projectIds: string[] }): Promise<BatchOutcome> {
    const list = this.listOf(user, dto);
    const today = toShanghaiDate(this.clock.now());
    requireNoViolations(checkListingYear(list.listingYear, today));
    const listStream = landingListStreamId(list);
    const { state: listState, version: listVersion } = await this.streams.loadLandingList(listStream);
    const batchId = randomUUID();
    const [published] = decideLandingList({ type: 'PublishBatch', data: { list, batchId, title: dto.title, projectIds: dto.projectIds, publishedOn: today } }, listState);
    const { batchNumber } = published.data as { batchNumber: number };

    const appends: StreamAppend[] = [];
    for (const [index, projectId] of dto.projectIds.entries()) {
      const { state, version } = await this.streams.loadProject(projectId);
      if (state.status === 'none') throw new NotFound(`project ${projectId} (projectIds[${index}]) does not exist`);
      try {
        const events = decideProject({ type: 'ListProject', data: { list, batchId, batchNumber, publishedOn: today } }, state);
        appends.push({ streamId: projectStreamId(projectId), expectedVersion: version, events });
      } catch (error) {
        // Name the offending entry of the request, not just "projectIds".
        if (error instanceof RulesViolated) throw new RulesViolated(error.violations.map((violation) => ({ ...violation, field: `projectIds[${index}]` })));
        throw error;
      }
    }
    // Projects first, then the batch: the read model lists the batch's projects by their listed names.
    await this.streams.append([...appends, { streamId: listStream, expectedVersion: listVersion, events: [published] }], commandMetadata(user, 'reform_office', list.regionCode));
    return { batchId, batchNumber, projectIds: dto.projectIds };
  }

  /**
   * 年终认定: closes the list year — every project still on the list gets exactly one ProjectYearClosed
   * (landed, missed or excluded), then the list its LandingListYearClosed with the counts. Idempotent, also
   * across replicas: the whole closing runs in one transaction under an advisory lock on the list, so a
   * second closing waits, then finds the list closed and answers the same counts without writing anything;
   * and each event is appended at the stream version read, which the event store keeps unique.
   */
  closeYear(user: AuthenticatedUser, dto: LandingListRefDto): Promise<YearClosedData & { closedNow: boolean }> {
    return this.closeList(this.listOf(user, dto), user, 'reform_office');
  }

  /** Closes a list as `actor` (the reform office, or the system's year-end closer). */
  async closeList(list: LandingListRef, actor: AuthenticatedUser, role: 'reform_office' | 'system'): Promise<YearClosedData & { closedNow: boolean }> {
    const today = toShanghaiDate(this.clock.now());
    if (!yearIsOver(list.listingYear, today)) conflict('year-not-over', `the ${list.listingYear} list year can be closed from ${list.listingYear + 1}-01-01`);
    const listStream = landingListStreamId(list);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`close-year:${listStream}`]);
      const { state: listState, version: listVersion } = await this.streams.loadLandingList(listStream, manager);
      if (listState.closed) return { ...listState.closed, closedNow: false };
      const appends: StreamAppend[] = [];
      const outcomes: YearOutcome[] = [];
      for (const projectId of listState.projectIds) {
        const { state, version } = await this.streams.loadProject(projectId, manager);
        if (state.status !== 'listed') continue; // delisted by an approved change: no longer counted
        const events = decideProject({ type: 'CloseYear', data: { today } }, state);
        const closed = events.find((event) => event.type === 'projects.ProjectYearClosed');
        const outcome = closed ? (closed.data as { outcome: YearOutcome }).outcome : state.yearOutcome;
        if (outcome) outcomes.push(outcome);
        appends.push({ streamId: projectStreamId(projectId), expectedVersion: version, events });
      }
      const listEvents = decideLandingList({ type: 'RecordYearClosed', data: { list, outcomes, closedOn: today } }, listState);
      await this.streams.append([...appends, { streamId: listStream, expectedVersion: listVersion, events: listEvents }], commandMetadata(actor, role, list.regionCode), manager);
      return { ...(listEvents[0].data as YearClosedData), closedNow: true };
    });
  }

  private listOf(user: AuthenticatedUser, dto: LandingListRefDto): LandingListRef {
    if (!reviewsRegion(user, dto.regionCode)) throw new ActionForbidden(`only the reform office of ${dto.regionCode} or above publishes and closes its lists`);
    const level = `ADMINISTRATIVE_LEVEL_${dto.level.toUpperCase()}` as AdministrativeLevel;
    if (contractLevelOf(dto.regionCode) !== level) {
      throw new RulesViolated([{ field: 'regionCode', rule: 'region-matches-level', message: `${dto.regionCode} is not a ${dto.level}-level region` }]);
    }
    return { level, regionCode: dto.regionCode, listingYear: dto.listingYear };
  }
}
