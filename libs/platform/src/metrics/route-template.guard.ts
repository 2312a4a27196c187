import type { IncomingMessage } from 'node:http';
import type { CanActivate, ExecutionContext } from '@nestjs/common';

const ROUTE_TEMPLATE = Symbol('sangeyipi:route-template');

/** What Express adds to a request once a route matched it. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; [ROUTE_TEMPLATE]?: string };

/**
 * Records the route template (`/cases/:id`) of the controller route a request reached, for the
 * request metrics. A guard because guards are the first per-route step of Nest's pipeline, before
 * any guard that may refuse the request; it never refuses. Express's own `req.route` cannot tell:
 * Nest also mounts middleware as catch-all routes, so a 404 would carry the middleware's route.
 */
export class RouteTemplateGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<RoutedRequest>();
      const path = request.route?.path;
      if (typeof path === 'string') request[ROUTE_TEMPLATE] = `${request.baseUrl ?? ''}${path}`;
    }
    return true;
  }
}

/** The route template recorded by `RouteTemplateGuard`, if the request reached a controller route. */
export function routeTemplateOf(request: IncomingMessage): string | undefined {
  return (request as RoutedRequest)[ROUTE_TEMPLATE];
}
