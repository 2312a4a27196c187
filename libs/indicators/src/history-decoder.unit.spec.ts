import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { encodeEnvelope, sealEnvelope } from '@sangeyipi/contracts';
import { decodeForFold, decodeHistoryMessage } from './history-decoder';

const metadata = (streamId: string) => ({
  eventId: randomUUID(),
  streamId,
  streamVersion: 3,
  sourcePosition: 12_345_678_901n,
  recordedAt: timestampFromDate(new Date('2026-10-08T04:05:06.789Z')),
  occurredAt: timestampFromDate(new Date('2026-10-08T04:05:06.789Z')),
  correlationId: randomUUID(),
  actor: { userId: 'clerk-01', role: 2, unitId: 'U1' },
  regionCode: '310101',
  hash: 'a'.repeat(64),
  previousHash: 'b'.repeat(64),
  logChainHash: 'c'.repeat(64),
  sourceService: 'cases',
});

const message = (value: Uint8Array) => ({ topic: 'cases.events.v1', partition: 0, offset: '7', value: Buffer.from(value) });

describe('the fold\'s fast envelope reader', () => {
  it('reads what the full decoder reads, for a folded type, an ignored type and an unknown type', () => {
    const received = sealEnvelope('cases.CaseReceived', { caseId: 'c1', unitId: 'U1', itemId: 'A', statutoryLimitDays: 20, immediate: true }, metadata('case-c1'));
    const step = sealEnvelope('cases.StepCompleted', { caseId: 'c1', step: 1 }, metadata('case-c1'));
    const unknown = { ...sealEnvelope('cases.StepCompleted', { caseId: 'c1' }, metadata('case-c1')), eventType: 'cases.CaseTeleported' };
    for (const envelope of [received, step, unknown]) {
      const value = encodeEnvelope(envelope);
      expect(decodeForFold(Buffer.from(value))).toEqual(decodeHistoryMessage(message(value))?.event);
    }
    expect(decodeForFold(Buffer.from(encodeEnvelope(received)))?.data).toMatchObject({ caseId: 'c1', statutoryLimitDays: 20, immediate: true });
  });

  it('refuses what the full decoder refuses: no event id, another schema version of a folded type, broken bytes', () => {
    const received = sealEnvelope('cases.CaseReceived', { caseId: 'c1' }, metadata('case-c1'));
    for (const value of [
      encodeEnvelope({ ...received, eventId: '' }),
      encodeEnvelope({ ...received, schemaVersion: 2 }),
      encodeEnvelope(received).subarray(0, 40),
    ]) {
      expect([decodeForFold(Buffer.from(value)), decodeHistoryMessage(message(value))]).toEqual([null, null]);
    }
  });
});
