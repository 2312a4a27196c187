import type { AddressInfo } from 'node:net';
import { type INestApplication, Logger, type Type } from '@nestjs/common';
import { InvalidConfigurationError, loadServiceConfig } from '../config/load-service-config.util';
import { ServiceConfig } from '../config/service-config.schema';
import { createServiceApp } from './create-service-app';
import { platformOptionsOf } from './platform.module';

const STANDALONE_IN_PROCESS =
  'Invalid configuration: EVENT_TRANSPORT=in-process is the embedded host\'s transport (npm start runs every service in one process); a service run on its own needs EVENT_TRANSPORT=kafka';

/** Time allowed, after the in-flight requests, for the connections to close before exit is forced. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Runs a service: validates its configuration (a bad or missing variable ends the process with
 * exit code 1 and one line per variable on stderr; so does EVENT_TRANSPORT=in-process, which only
 * the embedded host can serve), starts it, listens on `PORT`, and on SIGTERM
 * or SIGINT shuts down gracefully and exits with 0.
 */
export async function bootstrapService(appModule: Type, { name }: { name: string }): Promise<void> {
  let app: INestApplication;
  try {
    const platform = platformOptionsOf(appModule);
    if (platform.name !== name) throw new Error(`${appModule.name} declares the service "${platform.name}", not "${name}"`);
    // Nobody else in this process would open the in-process bus: the relay would wait for ever.
    if (loadServiceConfig(platform.config ?? ServiceConfig, process.env).EVENT_TRANSPORT === 'in-process') {
      throw new InvalidConfigurationError([STANDALONE_IN_PROCESS]);
    }
    app = await createServiceApp(appModule);
  } catch (error) {
    const lines = error instanceof InvalidConfigurationError ? error.problems : [`${name} failed to start: ${messageOf(error)}`];
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exit(1);
  }

  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const config = app.get(ServiceConfig);
  forceExitIfShutdownHangs(config.SHUTDOWN_TIMEOUT_MS + CLOSE_GRACE_MS);
  const logger = new Logger('Bootstrap');
  try {
    await app.listen(config.PORT);
  } catch (error) {
    logger.fatal(`${name} cannot listen on port ${config.PORT}: ${messageOf(error)}`);
    await app.close();
    process.exit(1);
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log({ port }, `${name} listening on port ${port}`);
}

function forceExitIfShutdownHangs(limitMs: number): void {
  const arm = () => {
    setTimeout(() => {
      process.stderr.write(`Shutdown did not finish within ${limitMs} ms; exiting\n`);
      process.exit(1);
    }, limitMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
