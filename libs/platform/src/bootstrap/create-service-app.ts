import type { Server } from 'node:http';
import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestApplication, NestFactory } from '@nestjs/core';
import { Logger, PinoLogger } from 'nestjs-pino';
// Not in nestjs-pino's index, but its own module: the store its loggers read (pinned version).
import { Store as PinoLoggerStore, storage as pinoLoggerStorage } from 'nestjs-pino/storage';
import type { DestinationStream } from 'pino';
import { loadServiceConfig, type Environment } from '../config/load-service-config.util';
import { ServiceConfig } from '../config/service-config.schema';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { requestLogMiddleware } from '../logging/request-log.middleware';
import { createServiceLogger, serviceLoggerParams } from '../logging/service-logger.factory';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { RouteTemplateGuard } from '../metrics/route-template.guard';
import { setUpApiDocs } from './api-docs.setup';
import { platformOptionsOf } from './platform.module';
import { SERVICE_NAME } from './service-name.token';
import { createValidationPipe } from './validation.pipe';

export interface ServiceAppOptions {
  /** The environment variables to configure the service from: `process.env` unless given. */
  env?: Environment;
  /** Where the JSON log lines go: standard output unless given. */
  logDestination?: DestinationStream;
}

/** Holds what `createServiceApp` prepared, for every module of the application. */
@Module({})
class ServiceHostModule {}

/**
 * Creates a service's Nest application without listening: validates the configuration from `env`
 * first (throwing `InvalidConfigurationError` before anything connects), then builds the application with
 * the JSON logger, correlation ids, one log line per request, request metrics, the global validation pipe and the API docs.
 * `bootstrapService` uses it to run a service; tests use it to run one in-process.
 */
export async function createServiceApp(appModule: Type, options: ServiceAppOptions = {}): Promise<INestApplication> {
  const platform = platformOptionsOf(appModule);
  const schema = platform.config ?? ServiceConfig;
  const env = options.env ?? process.env;

  const config = loadServiceConfig(schema, env); // throws InvalidConfigurationError before anything connects
  // ConfigService (for third-party modules) serves the validated values. Not through ConfigModule's
  // `validate` hook: that copies the values into process.env, leaking one application's settings into
  // the next one created in the same process (tests, the embedded all-in-one mode).
  const configModule = await ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true, // configuration comes from the environment only
    ignoreEnvVars: true,
    skipProcessEnv: true,
    load: [() => ({ ...config })],
  });

  const logger = createServiceLogger({ service: platform.name, level: config.LOG_LEVEL, destination: options.logDestination });
  const loggerParams = serviceLoggerParams(logger);
  const host: DynamicModule = {
    module: ServiceHostModule,
    global: true,
    imports: [configModule, appModule],
    providers: [
      { provide: SERVICE_NAME, useValue: platform.name },
      { provide: ServiceConfig, useValue: config },
      ...(schema === ServiceConfig ? [] : [{ provide: schema, useValue: config }]),
    ],
    exports: [SERVICE_NAME, ServiceConfig, ...(schema === ServiceConfig ? [] : [schema])],
  };

  // Outside a request, nestjs-pino logs through one logger per process (the first application's) and Nest's
  // static Logger through the last one's. Where several applications share a process (the embedded host,
  // tests), what each one starts — providers, timers, consumers, its HTTP server — runs in a store holding
  // its own root logger, so every line names the service that wrote it.
  const ownLoggerStore = new PinoLoggerStore(logger);
  const withOwnLogger = <T>(work: () => T): T => pinoLoggerStorage.run(ownLoggerStore, work);
  const app = await withOwnLogger(() =>
    NestFactory.create(host, {
      logger: new Logger(new PinoLogger(loggerParams), loggerParams),
      abortOnError: false,
    }),
  );
  // `app` is Nest's proxy, which ignores assignments: define the methods on it instead. The proxy calls
  // them on the application itself (`this`), as it calls the originals.
  Object.defineProperty(app, 'init', {
    configurable: true,
    value(this: NestApplication) {
      return withOwnLogger(() => NestApplication.prototype.init.call(this));
    },
  });
  Object.defineProperty(app, 'listen', {
    configurable: true,
    value(this: NestApplication, ...args: Parameters<NestApplication['listen']>) {
      return withOwnLogger(() => NestApplication.prototype.listen.apply(this, args));
    },
  });
  (app.getHttpServer() as Server).keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  app.use(correlationIdMiddleware);
  app.use(requestLogMiddleware(logger));
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  app.useGlobalGuards(new RouteTemplateGuard()); // first of the global guards, see its comment
  app.useGlobalPipes(createValidationPipe());
  setUpApiDocs(app, platform.name);
  return app;
}
