import { join, resolve } from 'node:path';
import { EmbeddedPlatform } from './embedded-platform';

/**
 * `npm start`: the whole platform in one process on an embedded database, with the demo world.
 * EMBEDDED_DATA_DIR (default .run/embedded) keeps the data between runs; EMBEDDED_PORT_OFFSET
 * moves every port; EMBEDDED_POSTGRES_PORT (default 54329) is the database's port.
 */
async function main(): Promise<void> {
  const projectRoot = resolve(__dirname, '../../..');
  const log = (line: string) => process.stdout.write(`[embedded] ${line}\n`);
  const platform = new EmbeddedPlatform({
    projectRoot,
    dataDir: resolve(process.env.EMBEDDED_DATA_DIR ?? join(projectRoot, '.run/embedded')),
    portOffset: Number(process.env.EMBEDDED_PORT_OFFSET ?? 0),
    postgresPort: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    log,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await platform.stop();
    log('stopped');
    process.exit(0);
  };
  // embedded-postgres stops its servers on these signals by itself, which would pull the
  // database away from services still finishing their work: this process stops them in order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await platform.start();
  } catch (error) {
    log(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await platform.stop().catch(() => undefined);
    process.exit(1);
  }
  log(`ready: the portal and the API at ${platform.urlOf('gateway')}`);
}

void main();
