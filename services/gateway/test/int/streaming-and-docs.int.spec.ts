import { createServer, type Server } from 'node:http';
import { createServiceApp } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import type { OpenApiDocument } from '../../src/api-docs/openapi-merge';
import { GatewayModule } from '../../src/gateway.module';
import { serviceUrls } from './gateway-test-kit';

/**
 * The gateway in front of small HTTP servers the test starts: one streams server-sent events (as the
 * notifications inbox does), one describes an API at /docs-json.
 */
describe('streams and the merged API document through the gateway', () => {
  let upstream: Server;
  let gateway: ServiceUnderTest;
  let releaseStream: () => void = () => undefined;

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      if (request.url === '/inbox/stream') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.write(`data: ${JSON.stringify({ to: request.headers.authorization ? 'signed-in' : 'nobody', text: '您有一条新办件' })}\n\n`);
        releaseStream = () => response.end('data: bye\n\n');
        return;
      }
      if (request.url === '/docs-json') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ openapi: '3.0.0', paths: { '/inbox': { get: { tags: ['inbox'], responses: {} } } }, components: { schemas: { Message: { type: 'object' } } } }));
        return;
      }
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    gateway = await startServiceUnderTest((env) => createServiceApp(GatewayModule, { env }), 'gateway', serviceUrls({ notifications: url }));
  });
  afterAll(async () => {
    releaseStream();
    await gateway?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('passes server-sent events on as they come, before the stream ends', async () => {
    const token = await signTestToken({ userId: 'clerk-1', roles: ['clerk'], unitId: 'u', regionCode: '310101' });
    const response = await fetch(`${gateway.url}/api/notifications/inbox/stream`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();

    const first = await Promise.race([reader.read(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000))]);

    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(first).not.toBe('timeout');
    expect(new TextDecoder().decode((first as { value: Uint8Array }).value)).toBe('data: {"to":"signed-in","text":"您有一条新办件"}\n\n');
    releaseStream();
    await reader.cancel();
  });

  it('merges the services’ OpenAPI documents under /api/<service>, naming those that did not answer', async () => {
    const document = (await (await fetch(`${gateway.url}/api/docs-json`)).json()) as OpenApiDocument;

    expect(document.paths?.['/api/notifications/inbox']).toEqual({ get: { tags: ['notifications', 'notifications: inbox'], responses: {} } });
    expect(document.paths?.['/auth/sign-in']).toBeDefined();
    expect(document.components?.schemas?.['notifications.Message']).toEqual({ type: 'object' });
    expect(document['x-unavailable-services']).toEqual(['catalog', 'cases', 'projects', 'supervision', 'analytics']);
  });
});
