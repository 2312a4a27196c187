import type { EntityManager } from 'typeorm';
import { streamIds, type StreamAppend, type SupervisionStreams } from '../supervision-streams.repository';
import type { CreditReason, CreditSubjectKind } from '../supervision.events';
import { decideCredit, evolveCredit, initialCreditState } from './credit.rules';

export interface CreditEntry {
  subjectId: string;
  subjectKind: CreditSubjectKind;
  reason: CreditReason;
  sourceId: string;
  recordId: string;
  today: string;
}

/** The credit stream's share of a command: the subject's record (and class change) at its current version. */
export async function creditAppend(streams: SupervisionStreams, entry: CreditEntry, manager?: EntityManager): Promise<StreamAppend> {
  const streamId = streamIds.credit(entry.subjectId);
  const { state, version } = await streams.load(streamId, initialCreditState(), evolveCredit, manager);
  return { streamId, expectedVersion: version, events: decideCredit(entry, state) };
}
