import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/service-config.schema';
import { CorrelationContext } from './correlation.context';

export interface ServiceLoggerOptions {
  service: string;
  level: LogLevel;
  /** Where the JSON lines go: standard output unless given (tests pass a stream to read them). */
  destination?: DestinationStream;
}

const CORRELATION_ID_KEY = 'correlationId';

/**
 * The service's root pino logger: one JSON object per line with the service name, ISO time, the
 * level as a word and the current correlation id (from `CorrelationContext`) on every line.
 */
export function createServiceLogger({ service, level, destination }: ServiceLoggerOptions): PinoLogger {
  return pino(
    {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '***' },
      mixin(mergeObject, _level, logger) {
        const correlationId = CorrelationContext.current();
        // A line or logger that already carries the id (a request's line, a bound child): do not write the key twice.
        if (correlationId === undefined || CORRELATION_ID_KEY in mergeObject || hasCorrelationBinding(logger)) return {};
        return { [CORRELATION_ID_KEY]: correlationId };
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function hasCorrelationBinding(logger: PinoLogger): boolean {
  const bindings = (logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym];
  return typeof bindings === 'string' && bindings.includes(`"${CORRELATION_ID_KEY}":`);
}

/** nestjs-pino's settings for Nest's own logger around `logger` (requests are logged by `requestLogMiddleware`). */
export function serviceLoggerParams(logger: PinoLogger): Params {
  return { pinoHttp: { logger } };
}
