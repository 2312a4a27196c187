import { Inject, Injectable } from '@nestjs/common';
import { EventBackboneService } from '@sangeyipi/messaging';
import { PostgresEventStore, StreamVersionConflictError } from '@sangeyipi/eventstore';
import { CLOCK, CorrelationContext, toShanghaiDate, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { decide, replay, type CaseCommand, type CaseState } from './case.decider';
import type { CaseEvent } from './case.events';

/** The stream of one case. */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

export interface LoadedCase {
  state: CaseState;
  version: number;
  /** Region of the unit that received the case (from the receipt's metadata). */
  regionCode: string;
}

export interface CaseCommandResult {
  caseId: string;
  version: number;
  events: CaseEvent['type'][];
}

/**
 * Loads a case from its stream, runs the pure decider and appends what it decided with optimistic
 * concurrency: the version read (or the caller's `expectedVersion`) must still be the stream's, or
 * the event store throws StreamVersionConflictError (answered 409).
 */
@Injectable()
export class CaseStreams {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in Shanghai, from the injected clock. */
  today(): string {
    return toShanghaiDate(this.clock.now());
  }

  async load(caseId: string, manager?: EntityManager): Promise<LoadedCase> {
    const events = await this.store.readStream(caseStreamId(caseId), { manager });
    return {
      state: replay(events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent)),
      version: events.length ? events[events.length - 1].streamVersion : 0,
      regionCode: events[0]?.metadata.regionCode ?? '',
    };
  }

  /**
   * Runs `command` against the case. `authorize` sees the loaded state first (permissions depend on
   * the case's unit); `expectedVersion`, when given, is the version the caller acted on.
   */
  async execute(
    caseId: string,
    user: AuthenticatedUser,
    command: CaseCommand,
    {
      expectedVersion,
      authorize,
      regionCode,
      manager,
    }: { expectedVersion?: number; authorize?: (state: CaseState) => void; regionCode?: string; manager?: EntityManager } = {},
  ): Promise<CaseCommandResult> {
    const { state, version } = await this.load(caseId, manager);
    authorize?.(state);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new StreamVersionConflictError(caseStreamId(caseId), expectedVersion, version);
    }
    const events = decide(command, { ...state, caseId: state.caseId || caseId }, { calendar: this.calendar });
    const result = await this.store.append(
      caseStreamId(caseId),
      expectedVersion ?? version,
      events.map((event) => ({ type: event.type, data: event.data })),
      {
        metadata: {
          correlationId: CorrelationContext.current() ?? CorrelationContext.accept(undefined),
          actor: { id: user.userId, role: user.roles[0] },
          unitId: user.unitId ?? '',
          regionCode: regionCode ?? user.regionCode ?? '',
        },
        manager,
      },
    );
    this.backbone.notifyAppended();
    return { caseId, version: result.nextVersion, events: events.map((e) => e.type) };
  }
}
