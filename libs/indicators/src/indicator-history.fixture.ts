import { randomUUID } from 'node:crypto';
import { create, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { encodeEnvelope, schemaOf, sealEnvelope, type EventInit, type EventType } from '@sangeyipi/contracts';
import type { FoldableEvent } from './fact.types';

/**
 * Builds histories for the unit tests: each event is recorded at noon (Asia/Shanghai) of the day
 * given, and numbered within its stream in the order added.
 */
export class HistoryBuilder {
  readonly events: FoldableEvent[] = [];
  private readonly versions = new Map<string, number>();

  add<T extends EventType>(streamId: string, type: T, on: string, data: EventInit<T>, regionCode = ''): this {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    const schema: DescMessage = schemaOf(type);
    this.events.push({
      type,
      data: create(schema, data as MessageInitShape<DescMessage>),
      streamId,
      streamVersion: version,
      recordedAt: noon(on),
      regionCode,
    });
    return this;
  }
}

/** Noon of a Shanghai calendar day. */
export function noon(on: string): Date {
  return new Date(`${on}T12:00:00+08:00`);
}

/** The n-th case's stream of four events (received, supplement requested, accepted, decided), sealed as its relay would seal them. */
export function sealedCaseEvents(n: number): Array<{ streamId: string; value: Buffer }> {
  const caseId = `c${n}`;
  const events: Array<[EventType, EventInit<EventType>]> = [
    ['cases.CaseReceived', { caseId, unitId: `U${n % 3}`, itemId: 'A', statutoryLimitDays: 20 }],
    ['cases.MaterialsSupplementRequested', { caseId, requestNumber: 1 }],
    ['cases.CaseAccepted', { caseId, committedDeadline: '2026-10-30' }],
    ['cases.CaseDecided', { caseId, workingDaysUsed: n % 7 }],
  ];
  return events.map(([type, data], i) => ({
    streamId: `case-${caseId}`,
    value: Buffer.from(
      encodeEnvelope(
        sealEnvelope(type, data, { eventId: randomUUID(), streamId: `case-${caseId}`, streamVersion: i + 1, recordedAt: timestampFromDate(new Date(Date.UTC(2026, 9, 8, n % 24, i))), sourceService: 'cases' }),
      ),
    ),
  }));
}
