import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MetricsRegistry } from './metrics.registry';
import { routeTemplateOf } from './route-template.guard';

/** Label of requests no controller route took (404s): scanners cannot create unbounded series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Express middleware recording `http_request_duration_seconds` by method, route template (never
 * the raw URL, whose ids would explode the series; see `RouteTemplateGuard`) and status code.
 */
export function httpMetricsMiddleware(metrics: MetricsRegistry) {
  const duration = metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
  });
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const stop = duration.startTimer();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      stop({ method: request.method ?? 'UNKNOWN', route: routeTemplateOf(request) ?? UNMATCHED_ROUTE, status: String(response.statusCode) });
    };
    response.once('finish', record);
    response.once('close', record);
    next();
  };
}
