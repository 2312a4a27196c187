import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { LogLevel } from '../config/service-config.schema';
import { CORRELATION_ID_HEADER, CorrelationContext } from './correlation.context';

export interface ServiceLoggerOptions {
  service: string;
  level: LogLevel;
  /** Where the JSON lines go: standard output unless given (tests pass a stream to read them). */
  destination?: DestinationStream;
}

/** Requests that probes and scrapers make every few seconds: not logged unless they fail elsewhere. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);
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
      mixin(_mergeObject, _level, logger) {
        const correlationId = CorrelationContext.current();
        // A request's logger already carries the id as a binding; do not write the key twice.
        if (correlationId === undefined || hasCorrelationBinding(logger)) return {};
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

/**
 * nestjs-pino settings around `logger`: one line per finished request (method, URL, status,
 * duration), in-request log lines bound to the request's correlation id, levels by status.
 */
export function serviceLoggerParams(logger: PinoLogger): Params {
  const pinoHttp: PinoHttpOptions<IncomingMessage, ServerResponse> = {
    logger,
    genReqId: (request) => CorrelationContext.current() ?? CorrelationContext.accept(request.headers[CORRELATION_ID_HEADER]),
    customAttributeKeys: { reqId: CORRELATION_ID_KEY },
    quietReqLogger: true,
    serializers: {
      req: (request: { method?: string; url?: string }) => ({ method: request.method, url: request.url }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0]) },
  };
  return { pinoHttp };
}
