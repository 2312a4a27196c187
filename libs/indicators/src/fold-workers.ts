import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FoldCounts } from './fact-folder';
import type { HistoryMessage } from './history-decoder';

export type FoldWorkerRequest = { kind: 'batch'; values: Uint8Array; lengths: Int32Array } | { kind: 'flush' };
export type FoldWorkerReply =
  | { kind: 'folded'; messages: number; bytes: number; changed?: string }
  | { kind: 'flushed'; changed?: string; counts: FoldCounts; facts: number; undecodable: number };

export interface FoldWorkersOptions {
  /** How many worker threads fold (default: one fewer than the cores, at least one, at most four). */
  count?: number;
  /** A worker sends its changed facts once this many have piled up. */
  stageChunk: number;
  /** Each worker's changed facts as one JSON array, in the order that worker folded them. */
  onChanged: (json: string) => void;
  /** Messages folded since the last call (a batch), for progress. */
  onFolded: (messages: number) => void;
  /** Bytes of messages a worker may have queued before the reader waits for it (default 32 MiB). */
  maxBytesQueued?: number;
}

export interface FoldTotals extends FoldCounts {
  facts: number;
  undecodable: number;
}


// A worker compiles the TypeScript it loads as this process does: under `node -r @swc-node/register`
// it inherits that from the command line; under Jest, which compiles only its own module registry,
// it registers @swc-node/register itself.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (!require.extensions['.ts']) {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || workerData.tsconfig;
  require(workerData.register);
}
require(workerData.entry);
`;

interface FoldWorker {
  thread: Worker;
  bytesQueued: number;
  /** Readers waiting for this worker to catch up (several partitions' batches may wait on one worker). */
  waiting: Array<() => void>;
  flushed?: { resolve: (reply: Extract<FoldWorkerReply, { kind: 'flushed' }>) => void; reject: (error: unknown) => void };
}

/**
 * Folds a history on worker threads while this thread reads it, so that reading and folding run
 * on separate cores. A fact belongs to one stream and every event of a stream is on one partition
 * (the relays key messages by stream, and every topic has the same partitions), so each worker
 * folds whole partitions — partition number modulo the workers — and no two workers hold the same
 * fact. Messages travel as one transferred buffer per batch, not copied per message.
 */
export class FoldWorkers {
  private readonly workers: FoldWorker[];
  private failure: { error: unknown } | undefined;
  private closed = false;
  private readonly maxBytesQueued: number;

  constructor(private readonly options: FoldWorkersOptions) {
    this.maxBytesQueued = options.maxBytesQueued ?? 32 * 1024 * 1024;
    const count = options.count ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.workers = Array.from({ length: count }, () => this.start());
  }

  /** Hands one partition's batch (in offset order) to its worker; waits while that worker is too far behind. */
  async fold(messages: readonly HistoryMessage[]): Promise<void> {
    this.throwIfFailed();
    if (messages.length === 0) return;
    const worker = this.workers[messages[0].partition % this.workers.length];
    let bytes = 0;
    for (const message of messages) bytes += message.value?.length ?? 0;
    const values = new Uint8Array(new ArrayBuffer(bytes));
    const lengths = new Int32Array(messages.length);
    let position = 0;
    messages.forEach((message, index) => {
      if (!message.value) {
        lengths[index] = -1;
        return;
      }
      values.set(message.value, position);
      position += message.value.length;
      lengths[index] = message.value.length;
    });
    worker.bytesQueued += bytes;
    const request: FoldWorkerRequest = { kind: 'batch', values, lengths };
    worker.thread.postMessage(request, [values.buffer, lengths.buffer]);
    while (worker.bytesQueued > this.maxBytesQueued && !this.failure) await new Promise<void>((resolve) => worker.waiting.push(resolve));
    this.throwIfFailed();
  }

  /** Waits until every batch sent so far is folded and its changed facts handed over; the totals so far. */
  async flush(): Promise<FoldTotals> {
    this.throwIfFailed();
    const replies = await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<Extract<FoldWorkerReply, { kind: 'flushed' }>>((resolve, reject) => {
            worker.flushed = { resolve, reject };
            const request: FoldWorkerRequest = { kind: 'flush' };
            worker.thread.postMessage(request);
          }),
      ),
    );
    this.throwIfFailed();
    const totals: FoldTotals = { folded: 0, repeats: 0, ignored: 0, facts: 0, undecodable: 0 };
    for (const reply of replies) {
      totals.folded += reply.counts.folded;
      totals.repeats += reply.counts.repeats;
      totals.ignored += reply.counts.ignored;
      totals.facts += reply.facts;
      totals.undecodable += reply.undecodable;
    }
    return totals;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private start(): FoldWorker {
    const thread = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        entry: require.resolve('./fold-worker'),
        register: require.resolve('@swc-node/register'),
        tsconfig: join(__dirname, '../../../tsconfig.base.json'),
        stageChunk: this.options.stageChunk,
      },
    });
    const worker: FoldWorker = { thread, bytesQueued: 0, waiting: [] };
    thread.on('message', (reply: FoldWorkerReply) => {
      try {
        if (reply.changed) this.options.onChanged(reply.changed);
        if (reply.kind === 'folded') {
          worker.bytesQueued -= reply.bytes;
          wakeAll(worker);
          this.options.onFolded(reply.messages);
        } else {
          worker.flushed?.resolve(reply);
        }
      } catch (error) {
        this.fail(error);
      }
    });
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`a fold worker stopped with exit code ${code}`));
    });
    return worker;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    for (const worker of this.workers) {
      wakeAll(worker);
      worker.flushed?.reject(this.failure.error);
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

function wakeAll(worker: FoldWorker): void {
  for (const wake of worker.waiting.splice(0)) wake();
}
