import { CONTEXTS, TOPICS } from '@sangeyipi/contracts';
import { IndicatorFactStore } from '@sangeyipi/indicators';
import { connectKafka, openDatabase } from './connections';
import { EXIT, progressBar, type Output } from './progress';

export interface RebuildOptions {
  /** The analytics service's database. */
  analyticsDatabase: string;
  brokers: string;
  topicPrefix: string;
}

/** Rebuilds the analytics projections from offset 0 of every topic, while the service keeps running. */
export async function rebuildProjections(options: RebuildOptions, io: Output): Promise<number> {
  const dataSource = await openDatabase(options.analyticsDatabase);
  try {
    const before = await new IndicatorFactStore(dataSource).fingerprint();
    const bar = progressBar('rebuilding indicator facts', 0);
    const started = Date.now();
    const report = await new IndicatorFactStore(dataSource).rebuild(
      connectKafka(options.brokers),
      CONTEXTS.map((context) => `${options.topicPrefix}${TOPICS[context]}`),
      { onProgress: (done, total) => bar.update(done, total) },
    );
    bar.stop();
    const after = await new IndicatorFactStore(dataSource).fingerprint();
    const seconds = (Date.now() - started) / 1000;
    io.out(`read ${report.messages} messages in ${seconds.toFixed(1)} s (${Math.round(report.messages / Math.max(seconds, 0.001))} events/s)`);
    io.out(`folded ${report.folded}, ignored ${report.ignored + report.undecodable}, repeats ${report.repeats}; ${report.facts} facts`);
    io.out(`facts before ${before.facts} ${before.digest}`);
    io.out(`facts after  ${after.facts} ${after.digest}`);
    return EXIT.ok;
  } finally {
    await dataSource.destroy();
  }
}
