import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FULL_DEMO, SMALL_DEMO, seedDemoWorld, startSimulator, type RunningSimulator } from './demo';
import { EmbeddedPlatform } from './embedded-platform';

/**
 * `npm start`: the whole platform in one process on an embedded database, with the demo world.
 * EMBEDDED_DATA_DIR (default .run/embedded) keeps the data between runs; EMBEDDED_PORT_OFFSET
 * moves every port; EMBEDDED_POSTGRES_PORT (default 54329) is the database's port.
 * DEMO_WORLD: full (default), small or off; DEMO_RATE_PER_MINUTE: the simulator's new storylines
 * per minute (default 60; 0 leaves it off).
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
    onDatabaseLost: (reason) => void stop(reason, 1),
  });

  let stopping = false;
  let simulator: RunningSimulator | undefined;
  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping`);
    await simulator?.stop();
    await platform.stop();
    log('stopped');
    process.exit(exitCode);
  };
  // embedded-postgres hooks these signals to stop the servers it started and end the process at once,
  // before the services have finished their work: this process stops the services, then the database.
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and forwarded by npm), and
  // a second signal with no listener left would kill it half-way through stopping.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    ensurePortalBuilt(projectRoot, log);
    await platform.start();
  } catch (error) {
    log(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await platform.stop().catch(() => undefined);
    process.exit(1);
  }
  log(`ready: the portal and the API at ${platform.urlOf('gateway')}`);
  const { password, users } = await platform.demoUsers();
  log(`demo users, each with the password ${password}:`);
  for (const user of users) log(`  ${user.username.padEnd(12)} ${user.roles.join(', ').padEnd(18)} ${user.displayName}`);

  const demoWorld = process.env.DEMO_WORLD ?? 'full';
  if (demoWorld === 'off') return;
  const target = { urlOf: (service: string) => platform.urlOf(service), signingKey: platform.signingKey, log: (line: string) => log(`demo: ${line}`) };
  try {
    const { summary } = await seedDemoWorld(target, demoWorld === 'small' ? SMALL_DEMO : FULL_DEMO);
    log(`demo: ${summary}`);
  } catch (error) {
    log(`demo: seeding stopped: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const ratePerMinute = Number(process.env.DEMO_RATE_PER_MINUTE ?? 60);
  if (!stopping && ratePerMinute > 0) {
    simulator = startSimulator(target, { ratePerMinute });
    log(`demo: simulator on, ${ratePerMinute} new storylines a minute (DEMO_RATE_PER_MINUTE)`);
  }
}

/** The gateway serves the portal's build: made once, again only when it is missing. */
function ensurePortalBuilt(projectRoot: string, log: (line: string) => void): void {
  if (existsSync(join(projectRoot, 'dist/apps/portal/index.html'))) return;
  log('building the portal (once)');
  execFileSync('npx', ['nx', 'run', 'portal:build', '--outputStyle=static'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
}

void main();
