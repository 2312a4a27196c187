import { resolve } from 'node:path';
import { FULL_DEMO, SMALL_DEMO, seedDemoWorld, startSimulator } from './demo';
import { readServiceRoster } from './service-roster';

/**
 * The demo world for distributed mode (deploy/local/run-distributed.sh): seeds it through the
 * services' APIs at the ports of deploy/local/services.conf, then runs the simulator until stopped.
 * Needs AUTH_JWT_SECRET (the key the services verify tokens with); DEMO_WORLD (full, small) and
 * DEMO_RATE_PER_MINUTE as in the embedded mode.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[demo] ${line}\n`);
  const signingKey = process.env.AUTH_JWT_SECRET;
  if (!signingKey) throw new Error('AUTH_JWT_SECRET must be the key the services verify tokens with');
  const roster = readServiceRoster(resolve(__dirname, '../../..'));
  const urls = new Map(roster.map((entry) => [entry.name, `http://127.0.0.1:${entry.port}`]));
  const target = {
    urlOf: (service: string) => {
      const url = urls.get(service);
      if (!url) throw new Error(`deploy/local/services.conf lists no service named ${service}`);
      return url;
    },
    signingKey,
    log,
  };
  const { summary } = await seedDemoWorld(target, process.env.DEMO_WORLD === 'small' ? SMALL_DEMO : FULL_DEMO);
  log(summary);
  const ratePerMinute = Number(process.env.DEMO_RATE_PER_MINUTE ?? 60);
  if (ratePerMinute <= 0) return;
  const simulator = startSimulator(target, { ratePerMinute });
  log(`simulator on, ${ratePerMinute} new storylines a minute`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
