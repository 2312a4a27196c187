import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { processEventBus } from '@sangeyipi/messaging';
import { createServiceApp } from '@sangeyipi/platform';
import { EmbeddedDatabase } from './embedded-database';
import { moduleClassName, readServiceRoster, type ServiceEntry } from './service-roster';

export interface EmbeddedPlatformOptions {
  projectRoot: string;
  /** Where the database cluster and the signing key are kept between runs. */
  dataDir: string;
  /** Added to every port of deploy/local/services.conf (tests run beside a developer's platform). */
  portOffset: number;
  postgresPort: number;
  logLevel: string;
  log: (line: string) => void;
  /** The database ended while the platform was running (killed, crashed): nothing can be served any more. */
  onDatabaseLost: (reason: string) => void;
}

export interface RunningService extends ServiceEntry {
  url: string;
  app: INestApplication;
}

/**
 * The embedded mode: every service of deploy/local/services.conf as its own Nest application in
 * this one process, each with its own database in one embedded PostgreSQL, events handed over by
 * the process's event bus, and the in-memory Redis stand-in.
 */
export class EmbeddedPlatform {
  private readonly database: EmbeddedDatabase;
  private readonly running: RunningService[] = [];

  constructor(private readonly options: EmbeddedPlatformOptions) {
    this.database = new EmbeddedDatabase({ dataDir: join(options.dataDir, 'postgres'), port: options.postgresPort, log: options.log, onUnexpectedExit: options.onDatabaseLost });
  }

  get services(): readonly RunningService[] {
    return this.running;
  }

  urlOf(service: string): string {
    const found = this.running.find((entry) => entry.name === service);
    if (!found) throw new Error(`the embedded platform runs no service named ${service}`);
    return found.url;
  }

  /** The key every service verifies tokens with: made once and kept, so sessions survive a restart. */
  get signingKey(): string {
    const file = join(this.options.dataDir, 'signing-key');
    if (!existsSync(file)) {
      mkdirSync(this.options.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return readFileSync(file, 'utf8').trim();
  }

  async start(): Promise<void> {
    await this.database.start();
    const roster = readServiceRoster(this.options.projectRoot, this.options.portOffset);
    const urls = Object.fromEntries(roster.map((entry) => [entry.name, `http://127.0.0.1:${entry.port}`]));
    for (const entry of roster) {
      const databaseUrl = await this.database.ensureDatabase(`sangeyipi_${entry.name}`);
      const app = await createServiceApp(await this.loadModule(entry.name), {
        env: {
          ...process.env,
          PORT: String(entry.port),
          DATABASE_URL: databaseUrl,
          EVENT_TRANSPORT: 'in-process',
          REDIS_URL: 'memory://local',
          AUTH_JWT_SECRET: this.signingKey,
          LOG_LEVEL: this.options.logLevel,
          // The gateway finds the others here (SERVICE_URL_<NAME>), serves the built portal, and signs in the demo users.
          ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SERVICE_URL_${name.toUpperCase()}`, url])),
          GATEWAY_PORTAL_DIR: join(this.options.projectRoot, 'dist/apps/portal'),
          AUTH_DEMO_USERS: 'true',
        },
      });
      await app.listen(entry.port, '127.0.0.1');
      this.running.push({ ...entry, url: urls[entry.name] as string, app });
      this.options.log(`${entry.name} on ${urls[entry.name]}`);
    }
    // Every application has subscribed: events may flow now.
    processEventBus().open();
  }

  /** Closes the services in reverse start order, then the database. */
  async stop(): Promise<void> {
    for (const service of [...this.running].reverse()) {
      await service.app.close().catch((error: unknown) => this.options.log(`${service.name} did not close cleanly: ${String(error)}`));
    }
    this.running.length = 0;
    await this.database.stop();
  }

  /** The demo users the gateway signs in, and their one password (services/gateway/src/sign-in/demo-users.ts). */
  async demoUsers(): Promise<{ password: string; users: { username: string; displayName: string; roles: string[] }[] }> {
    const file = join(this.options.projectRoot, 'services/gateway/src/sign-in/demo-users');
    const { DEMO_PASSWORD, DEMO_USERS } = (await import(file)) as { DEMO_PASSWORD: string; DEMO_USERS: { username: string; displayName: string; roles: string[] }[] };
    return { password: DEMO_PASSWORD, users: DEMO_USERS };
  }

  /** Services are found by convention (services/<name>/src/<name>.module.ts), not imported. */
  private async loadModule(service: string): Promise<Type> {
    const file = join(this.options.projectRoot, 'services', service, 'src', `${service}.module`);
    const exported = (await import(file)) as Record<string, unknown>;
    const module = exported[moduleClassName(service)];
    if (typeof module !== 'function') throw new Error(`${file} does not export ${moduleClassName(service)}`);
    return module as Type;
  }
}
