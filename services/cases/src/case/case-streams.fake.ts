import { StreamVersionConflictError, type PostgresEventStore, type StoredEvent } from '@sangeyipi/eventstore';
import type { EventBackboneService } from '@sangeyipi/messaging';
import { ManualClock, WorkingDayCalendar, type AuthenticatedUser } from '@sangeyipi/platform';
import { decide, INITIAL_STATE, replay, type CaseCommand } from './case.decider';
import type { CaseEvent } from './case.events';
import type { CasesConfig } from '../config/cases-config.schema';
import { caseStreamId, CaseStreams } from './case.streams';

/** For handler specs: CaseStreams over an in-memory stream store with the same version check. */
export function inMemoryCaseStreams(now = '2025-09-26T02:00:00Z', { cacheSize = 0 }: { cacheSize?: number } = {}) {
  const streams = new Map<string, StoredEvent[]>();
  let reads = 0;
  const store = {
    async readStream(streamId: string) {
      reads++;
      return streams.get(streamId) ?? [];
    },
    async append(streamId: string, expectedVersion: number, events: { type: string; data: unknown }[], { metadata }: { metadata: StoredEvent['metadata'] }) {
      const existing = streams.get(streamId) ?? [];
      if (existing.length !== expectedVersion) throw new StreamVersionConflictError(streamId, expectedVersion, existing.length);
      const stored = events.map((e, i) => ({ ...e, streamId, streamVersion: existing.length + i + 1, metadata }) as unknown as StoredEvent);
      streams.set(streamId, [...existing, ...stored]);
      return { streamId, nextVersion: existing.length + events.length, events: stored };
    },
  };
  const clock = new ManualClock(now);
  const calendar = new WorkingDayCalendar();
  /** Another replica's CaseStreams over the same streams, with its own cache. */
  const replica = () =>
    new CaseStreams(store as unknown as PostgresEventStore, { notifyAppended: () => undefined } as unknown as EventBackboneService, calendar, clock, {
      CASES_STATE_CACHE_SIZE: cacheSize,
    } as CasesConfig);
  const cases = replica();
  return {
    cases,
    replica,
    /** How many times a stream was read. */
    reads: () => reads,
    clock,
    calendar,
    /** Appends what the decider makes of `commands`, as history for the spec. */
    given(caseId: string, ...commands: CaseCommand[]) {
      const history: CaseEvent[] = [];
      for (const command of commands) history.push(...decide(command, replay(history), { calendar }));
      streams.set(caseStreamId(caseId), history.map((e, i) => ({ ...e, streamId: caseStreamId(caseId), streamVersion: i + 1, metadata: { correlationId: 'given' } }) as unknown as StoredEvent));
    },
    events(caseId: string): CaseEvent[] {
      return (streams.get(caseStreamId(caseId)) ?? []).map((e) => ({ type: e.type, data: e.data }) as CaseEvent);
    },
    metadata(caseId: string) {
      return (streams.get(caseStreamId(caseId)) ?? []).map((e) => e.metadata);
    },
    state(caseId: string) {
      return replay(this.events(caseId)) ?? INITIAL_STATE;
    },
  };
}

export const CASE_ID = 'c0ffee00-0000-4000-8000-0000000000aa';
export const UNIT = 'unit-a';
export const staff = (userId: string, role: AuthenticatedUser['roles'][number], unitId = UNIT): AuthenticatedUser => ({ userId, roles: [role], unitId, regionCode: '310101' });

export const receiveCommand = (overrides: Partial<Extract<CaseCommand, { type: 'ReceiveCase' }>> = {}): CaseCommand => ({
  type: 'ReceiveCase',
  caseId: CASE_ID,
  receiptVoucherNumber: 'SJ-1',
  item: {
    itemId: 'item-1',
    revision: 1,
    unitId: UNIT,
    approvalSteps: ['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW', 'APPROVAL_STEP_DECIDE'],
    immediate: false,
    statutoryLimitDays: 20,
    committedLimitDays: 20,
    commitmentRoute: false,
  },
  applicant: { kind: 'APPLICANT_KIND_PERSON', applicantId: 'applicant-1' },
  channel: 'CHANNEL_WINDOW',
  materials: [],
  staff: { userId: 'clerk-1', badge: 'B-1' },
  today: '2025-09-26',
  ...overrides,
});
export const acceptCommand: CaseCommand = { type: 'AcceptCase', noticeNumber: 'SL-1', today: '2025-09-26' };
