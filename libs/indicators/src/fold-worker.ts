// The inside of one fold worker (see fold-workers.ts): decodes and folds the batches it is sent
// into facts of its own, and sends back the facts it changed, serialized, as they pile up.
import { parentPort, workerData } from 'node:worker_threads';
import type { Fact } from './fact.types';
import { FactFolder } from './fact-folder';
import type { FoldWorkerReply, FoldWorkerRequest } from './fold-workers';
import { decodeForFold } from './history-decoder';

const port = parentPort;
if (!port) throw new Error('fold-worker.ts runs only as a worker thread');
const { stageChunk } = workerData as { stageChunk: number };
const folder = new FactFolder();
let changed = new Map<string, Fact>();
let undecodable = 0;

/** The changed facts as one JSON array, and a fresh set to collect into. */
function takeChanged(): string | undefined {
  if (changed.size === 0) return undefined;
  const json = JSON.stringify([...changed.values()]);
  changed = new Map();
  return json;
}

port.on('message', (request: FoldWorkerRequest) => {
  let reply: FoldWorkerReply;
  if (request.kind === 'batch') {
    const { values, lengths } = request;
    const buffer = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    let position = 0;
    for (const length of lengths) {
      const event = length < 0 ? null : decodeForFold(buffer.subarray(position, (position += length)));
      if (!event) {
        undecodable++;
        continue;
      }
      const fact = folder.add(event);
      if (fact) changed.set(fact.key, fact);
    }
    reply = { kind: 'folded', messages: lengths.length, bytes: values.byteLength, changed: changed.size >= stageChunk ? takeChanged() : undefined };
  } else {
    reply = { kind: 'flushed', changed: takeChanged(), counts: { ...folder.counts }, facts: folder.facts.size, undecodable };
  }
  port.postMessage(reply);
});
