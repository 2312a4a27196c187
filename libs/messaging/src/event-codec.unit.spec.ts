import type { SealedEvent } from '@sangeyipi/eventstore';
import { decodeMessage, encodeSealedEvent, MalformedMessageError } from './event-codec';

const sealed: SealedEvent = {
  eventId: '6f1c2d3e-0000-4000-8000-000000000001',
  streamId: 'case-1',
  streamVersion: 3,
  position: 17n,
  transactionId: 900n,
  type: 'cases.StepCompleted',
  schemaVersion: 1,
  data: { caseId: 'case-1', step: 'APPROVAL_STEP_REVIEW' },
  metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: { id: 'u-9', role: 'reform_office' }, regionCode: '310101', unitId: 'unit-1' },
  recordedAt: new Date('2026-11-28T01:02:03.000Z'),
  contentDigest: 'digest',
  previousHash: 'prev',
  hash: 'hash',
  logSequence: 42n,
  chainHash: 'chain',
};

describe('the envelope on the wire', () => {
  it('carries every fact of a sealed event through encoding and decoding', () => {
    const message = encodeSealedEvent(sealed, 'cases', 'cases.events.v1');
    const event = decodeMessage(message.value, { topic: 'cases.events.v1', partition: 0, offset: '5' });

    expect(message.key).toBe('case-1');
    expect(event).toMatchObject({
      eventId: sealed.eventId,
      type: 'cases.StepCompleted',
      streamId: 'case-1',
      streamVersion: 3,
      sourceService: 'cases',
      sourcePosition: 42n,
      recordedAt: sealed.recordedAt,
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: { userId: 'u-9', role: 'reform_office', unitId: 'unit-1' },
      regionCode: '310101',
      hash: 'hash',
      previousHash: 'prev',
      logChainHash: 'chain',
    });
    expect(event.data).toMatchObject({ caseId: 'case-1' });
  });

  it('refuses bytes that are not an envelope', () => {
    expect(() => decodeMessage(Buffer.from('not protobuf'), { topic: 't', partition: 0, offset: '0' })).toThrow(MalformedMessageError);
  });
});
