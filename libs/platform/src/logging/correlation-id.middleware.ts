import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER, CorrelationContext } from './correlation.context';

/**
 * Express middleware: takes the correlation id from the `x-correlation-id` request header or
 * makes one, echoes it in the response header, and runs the rest of the request inside
 * `CorrelationContext`. It must run before the request logger, which reads the id from there.
 */
export function correlationIdMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const correlationId = CorrelationContext.accept(request.headers[CORRELATION_ID_HEADER]);
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  CorrelationContext.run(correlationId, next);
}
