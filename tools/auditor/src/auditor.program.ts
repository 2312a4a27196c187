import { Command, CommanderError } from 'commander';
import { UsageError, parseDatabaseOption } from './connections';
import { exportHistory } from './export-history.command';
import { EXIT, type Output } from './progress';
import { rebuildProjections } from './rebuild-projections.command';
import { replayBulletin } from './replay-bulletin.command';
import { verifyChains } from './verify-chains.command';

const INFRASTRUCTURE_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '28P01', '3D000']);

/** Runs the auditor's command line; resolves to the exit code (see EXIT). */
export async function runAuditor(argv: readonly string[], io: Output): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('audit')
    .description("The auditor's tool: verify the event history, export it, replay bulletins, rebuild projections")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
  const kafkaOptions = (command: Command) =>
    command
      .option('--brokers <list>', 'Kafka brokers, host:port,…', process.env.KAFKA_BROKERS)
      .option('--topic-prefix <prefix>', 'prefix of the topics (KAFKA_TOPIC_PREFIX)', process.env.KAFKA_TOPIC_PREFIX ?? '');
  const databaseOption = (command: Command, what: string) => command.option('--database <context=url>', what, parseDatabaseOption, []);

  databaseOption(
    kafkaOptions(program.command('verify').description('verify every chain in each service database and, with --brokers, that each sealed event is on its topic once')),
    'a service database to verify, e.g. cases=postgres://auditor@db/sangeyipi_cases (repeat for each)',
  ).action(async (options) => {
    code = await verifyChains(options, io);
  });

  databaseOption(
    kafkaOptions(program.command('export').description('export the Kafka history (or a bulletin\'s event ranges) as NDJSON')),
    'add each event as stored in this service database, so the export can be checked on its own (repeat for each)',
  )
    .option('--bulletin <url|file>', "only this published bulletin's event ranges")
    .requiredOption('--out <file>', 'where to write the NDJSON')
    .action(async (options) => {
      code = await exportHistory(options, io);
    });

  databaseOption(
    kafkaOptions(program.command('replay').description('rebuild a bulletin from the history and print its digest; fails unless it equals the published one')),
    'check each event against the content stored in this service database (repeat for each)',
  )
    .option('--bulletin <url|file>', 'the published bulletin (GET /bulletins/<id>) to replay')
    .option('--from <export.ndjson>', 'read the history from an export instead of Kafka')
    .option('--as-of <instant>', 'recompute as of another instant (ISO 8601)')
    .option('--region <code>', 'without --bulletin: the region whose subtree is covered')
    .option('--level <level>', 'without --bulletin: only units of this level')
    .option('--period-kind <kind>', 'without --bulletin: day, month, quarter or year')
    .option('--period <key>', 'without --bulletin: e.g. 2026-10')
    .action(async (options) => {
      code = await replayBulletin(options, io);
    });

  kafkaOptions(program.command('rebuild').description("rebuild the analytics service's projections from offset 0 of every topic"))
    .requiredOption('--analytics-database <url>', "the analytics service's database")
    .action(async (options) => {
      if (!options.brokers) throw new UsageError('give --brokers');
      code = await rebuildProjections(options, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.err(`audit: ${error.message}`);
      return EXIT.usage;
    }
    const reason = (error as { code?: string }).code;
    io.err(`audit: ${(error as Error).message}`);
    const unreachable = (reason && INFRASTRUCTURE_ERRORS.has(reason)) || /^KafkaJS(Connection|NumberOfRetriesExceeded|BrokerNotFound)/.test((error as Error).name);
    return unreachable ? EXIT.unreachable : EXIT.failed;
  }
}
