import { create, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import { schemaOf, type EventInit, type EventType } from '@sangeyipi/contracts';
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
