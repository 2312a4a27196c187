import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PostgresEventStore, type EventMetadata } from '@sangeyipi/eventstore';
import { EventBackboneService } from '@sangeyipi/messaging';
import { CorrelationContext, type AuthenticatedUser, type Role } from '@sangeyipi/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { evolveAdvanceService, initialAdvanceServiceState, type AdvanceServiceState } from '../advance-service/advance-service.decider';
import type { AdvanceServiceEvent } from '../advance-service/advance-service.events';
import { evolveLandingList, initialLandingListState, type LandingListEvent, type LandingListState } from '../landing-list/landing-list.decider';
import type { ProjectEvent } from '../project/project.events';
import { evolveProject, initialProjectState, type ProjectState } from '../project/project.state';

export interface Loaded<S> {
  state: S;
  /** The stream's version, to append with (0 for a new stream). */
  version: number;
}

/** One append of a command's outcome. */
export interface StreamAppend {
  streamId: string;
  expectedVersion: number;
  events: readonly (ProjectEvent | AdvanceServiceEvent | LandingListEvent)[];
}

export const projectStreamId = (projectId: string) => `project-${projectId}`;
export const advanceServiceStreamId = (requestId: string) => `advance-service-${requestId}`;

/** Who acted (with the role that allowed it) and in which region, for every event of a command. */
export function commandMetadata(user: AuthenticatedUser, role: Role | 'system', regionCode: string): EventMetadata {
  return {
    correlationId: CorrelationContext.current() ?? randomUUID(),
    actor: { id: user.userId, role },
    regionCode,
    ...(user.unitId ? { unitId: user.unitId } : {}),
  };
}

/**
 * Loads the projects context's aggregates from their streams and appends their events, which are already
 * in contract form. Streams are short (a project has tens of events), so no snapshots.
 */
@Injectable()
export class ProjectStreams {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly dataSource: DataSource,
    private readonly backbone: EventBackboneService,
  ) {}

  loadProject(projectId: string, manager?: EntityManager): Promise<Loaded<ProjectState>> {
    return this.load(projectStreamId(projectId), initialProjectState(), evolveProject, manager);
  }

  loadLandingList(streamId: string, manager?: EntityManager): Promise<Loaded<LandingListState>> {
    return this.load(streamId, initialLandingListState(), evolveLandingList, manager);
  }

  loadAdvanceService(requestId: string, manager?: EntityManager): Promise<Loaded<AdvanceServiceState>> {
    return this.load(advanceServiceStreamId(requestId), initialAdvanceServiceState(), evolveAdvanceService, manager);
  }

  /**
   * Appends to every stream at its expected version in one transaction (the caller's, when `manager` is
   * given): all or nothing, and a lost race on any stream (StreamVersionConflictError, 409) writes none.
   */
  async append(appends: readonly StreamAppend[], metadata: EventMetadata, manager?: EntityManager): Promise<void> {
    const write = async (transaction: EntityManager) => {
      for (const { streamId, expectedVersion, events } of appends) {
        if (events.length === 0) continue;
        await this.store.append(streamId, expectedVersion, events.map(({ type, data }) => ({ type, data })), { metadata, manager: transaction });
      }
    };
    if (manager) await write(manager);
    else await this.dataSource.transaction(write);
    this.backbone.notifyAppended();
  }

  private async load<S, E>(streamId: string, initial: S, fold: (state: S, event: E) => S, manager?: EntityManager): Promise<Loaded<S>> {
    const stored = await this.store.readStream(streamId, { manager });
    const state = stored.map((event) => ({ type: event.type, data: event.data }) as E).reduce(fold, initial);
    return { state, version: stored.at(-1)?.streamVersion ?? 0 };
  }
}
