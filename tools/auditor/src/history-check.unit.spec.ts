import { chainHash } from '@sangeyipi/eventstore';
import { HistoryChecker, type ChainedEvent } from './history-check';

/** A service's sealed log of three events over two streams, linked as the relay publishes them. */
function history(): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  const streams = ['s1', 's2', 's1'];
  const streamHashes = new Map<string, string>();
  let log = '';
  streams.forEach((streamId, i) => {
    const previousHash = streamHashes.get(streamId) ?? '';
    const hash = chainHash(previousHash, `digest-${i}`);
    log = chainHash(log, hash);
    streamHashes.set(streamId, hash);
    events.push({
      eventId: `e${i + 1}`,
      streamId,
      streamVersion: streamId === 's1' ? (i === 0 ? 1 : 2) : 1,
      sourceService: 'cases',
      sourcePosition: BigInt(i + 1),
      hash,
      previousHash,
      logChainHash: log,
      location: `cases.events.v1[0]@${i}`,
      fingerprint: `bytes-${i}`,
    });
  });
  return events;
}

function check(events: ChainedEvent[]) {
  const checker = new HistoryChecker();
  for (const event of events) checker.add(event);
  return { problems: checker.finish(), repeats: checker.repeats };
}

describe('checking the links of a history read from Kafka', () => {
  it('accepts an intact history whatever the interleaving of partitions, counting identical repeats', () => {
    const events = history(); // e1 and e3 (stream s1) on one partition, e2 (s2) on another
    expect(check([events[1], events[0], events[2], events[0]])).toEqual({ problems: [], repeats: 1 });
    expect(check([events[0], events[2], events[1]])).toEqual({ problems: [], repeats: 0 });
  });

  it('names an event whose two copies differ', () => {
    const events = history();
    const { problems } = check([...events, { ...events[1], location: 'cases.events.v1[1]@9', fingerprint: 'other-bytes' }]);
    expect(problems).toEqual([{ eventId: 'e2', location: 'cases.events.v1[1]@9', problem: 'differs from its other copy at cases.events.v1[0]@1: one of them was altered' }]);
  });

  it('names an event whose hash was replaced: its stream and the sealed log no longer link', () => {
    const events = history();
    events[0] = { ...events[0], hash: chainHash('', 'forged') };
    const problems = check(events).problems.map((p) => `${p.eventId}: ${p.problem}`);
    expect(problems).toEqual([
      "e1: cases's sealed log breaks at position 1",
      'e3: stream s1 version 2 does not link to the version before it',
    ]);
  });

  it('does not judge links to events outside the part read', () => {
    expect(check(history().slice(1)).problems).toEqual([]);
  });

  it('names a log entry that does not follow from its neighbour read later from another partition', () => {
    const events = history();
    events[1] = { ...events[1], logChainHash: chainHash('', 'forged') };
    expect(check([events[0], events[2], events[1]]).problems.map((p) => p.eventId)).toEqual(['e2', 'e3']);
  });
});
