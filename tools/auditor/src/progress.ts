import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr; silent when stderr is not a terminal (pipes, CI, tests). */
export function progressBar(label: string, total: number): { update(done: number, total?: number): void; stop(): void } {
  const bar = new SingleBar({ format: `${label.padEnd(28)} {bar} {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(Math.max(total, 1), 0);
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** Where the commands write: stdout for results, stderr for diagnostics. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const PROCESS_OUTPUT: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 verified, 1 a check failed (the output names what), 2 bad command line, 3 could not reach a database or Kafka. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;
