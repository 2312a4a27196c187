import { HttpException, Inject, Injectable, Optional } from '@nestjs/common';
import { EventBackboneService } from '@sangeyipi/messaging';
import { PostgresEventStore, StreamVersionConflictError } from '@sangeyipi/eventstore';
import { CLOCK, CorrelationContext, toShanghaiDate, WorkingDayCalendar, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import type { EntityManager } from 'typeorm';
import { CasesConfig } from '../config/cases-config.schema';
import { currentCommandTransaction } from '../idempotency/command-transaction';
import { decide, evolve, replay, type CaseCommand, type CaseState } from './case.decider';
import { CaseRuleViolation } from './case.errors';
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
  /** The hash of the event at `version` ('' before the first). */
  headHash: string;
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
 *
 * The state after each command of this replica is kept for the next one (the most recent
 * CASES_STATE_CACHE_SIZE cases), which saves reading the stream. It is only a guess: the append at
 * the cached version succeeds only if nobody appended since, which proves the guess was the current
 * state. When a command on a cached state is refused for any reason (rule, permission, conflict),
 * the case is read from its stream and the command decided again, so a stale guess never shows.
 * The kept state carries the hash of the case's last event, so the append need not read the head.
 * Commands inside a transaction (an Idempotency-Key, a consumer) always read the stream.
 */
@Injectable()
export class CaseStreams {
  private readonly recent = new Map<string, LoadedCase>();
  private readonly cacheSize: number;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() config?: CasesConfig,
  ) {
    this.cacheSize = config?.CASES_STATE_CACHE_SIZE ?? 0;
  }

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
      headHash: events.length ? events[events.length - 1].hash : '',
    };
  }

  /**
   * Runs `command` against the case. `authorize` sees the loaded state first (permissions depend on
   * the case's unit); `expectedVersion`, when given, is the version the caller acted on.
   */
  async execute(caseId: string, user: AuthenticatedUser, command: CaseCommand, options: ExecuteOptions = {}): Promise<CaseCommandResult> {
    const manager = options.manager ?? currentCommandTransaction();
    if (!manager && options.expectedVersion === 0) {
      // A new case: there is nothing to read, and the append at version 0 is refused if the stream exists.
      return this.executeOn(caseId, { state: replay([]), version: 0, regionCode: '', headHash: '' }, user, command, options, undefined);
    }
    const cached = manager ? undefined : this.recent.get(caseId);
    if (cached && (options.expectedVersion === undefined || options.expectedVersion === cached.version)) {
      try {
        return await this.executeOn(caseId, cached, user, command, options, undefined);
      } catch (error) {
        this.recent.delete(caseId);
        if (!isRefusal(error)) throw error;
        // Decided on a stale guess, perhaps: decide again on the stream.
      }
    }
    const loaded = await this.load(caseId, manager);
    return this.executeOn(caseId, loaded, user, command, options, manager);
  }

  private async executeOn(
    caseId: string,
    { state, version, regionCode, headHash }: LoadedCase,
    user: AuthenticatedUser,
    command: CaseCommand,
    { expectedVersion, authorize, regionCode: newCaseRegion }: ExecuteOptions,
    manager: EntityManager | undefined,
  ): Promise<CaseCommandResult> {
    authorize?.(state);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new StreamVersionConflictError(caseStreamId(caseId), expectedVersion, version);
    }
    const events = decide(command, { ...state, caseId: state.caseId || caseId }, { calendar: this.calendar });
    const metadata = {
      correlationId: CorrelationContext.current() ?? CorrelationContext.accept(undefined),
      actor: { id: user.userId, role: user.roles[0] },
      unitId: user.unitId ?? '',
      regionCode: newCaseRegion ?? user.regionCode ?? '',
    };
    const newEvents = events.map((event) => ({ type: event.type, data: event.data }));
    const result = manager
      ? // A savepoint, so that a lost race leaves the caller's transaction usable (e.g. to retry).
        await manager.transaction((savepoint) => this.store.append(caseStreamId(caseId), version, newEvents, { metadata, manager: savepoint }))
      : await this.store.append(caseStreamId(caseId), version, newEvents, { metadata, knownHeadHash: headHash });
    this.backbone.notifyAppended();
    // In a transaction the append may still roll back: forget the case rather than keep a guess.
    if (manager) this.recent.delete(caseId);
    else {
      const headAfter = { version: result.nextVersion, headHash: result.events[result.events.length - 1].hash };
      this.remember(caseId, { state, regionCode: version === 0 ? metadata.regionCode : regionCode, ...headAfter }, events);
    }
    return { caseId, version: result.nextVersion, events: events.map((e) => e.type) };
  }

  /** Keeps the state after `events`, as a replay of the stored events would build it. */
  private remember(caseId: string, before: LoadedCase, events: readonly CaseEvent[]): void {
    if (this.cacheSize === 0) return;
    // The stored data went through JSON: evolve what a replay would read.
    const state = (JSON.parse(JSON.stringify(events)) as CaseEvent[]).reduce(evolve, before.state);
    this.recent.delete(caseId);
    this.recent.set(caseId, { ...before, state });
    if (this.recent.size > this.cacheSize) this.recent.delete(this.recent.keys().next().value as string);
  }
}

interface ExecuteOptions {
  expectedVersion?: number;
  authorize?: (state: CaseState) => void;
  /** Region of a new case (its receiving unit's). */
  regionCode?: string;
  /** Join this transaction (a consumer's); otherwise the request's command transaction, if any. */
  manager?: EntityManager;
}

/** A refusal that a stale cached state could have caused: rule, permission, not found, conflict. */
function isRefusal(error: unknown): boolean {
  return error instanceof CaseRuleViolation || error instanceof StreamVersionConflictError || error instanceof HttpException;
}
