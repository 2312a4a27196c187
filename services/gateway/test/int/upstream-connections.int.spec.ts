import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createServiceApp } from '@sangeyipi/platform';
import { signTestToken, startServiceUnderTest, type ServiceUnderTest } from '@sangeyipi/testing';
import { GatewayModule } from '../../src/gateway.module';
import { serviceUrls } from './gateway-test-kit';

/**
 * The gateway's kept-alive connections to a service, against a small HTTP server with Node's own
 * keep-alive timeout (5 s): the gateway must close an idle one first, so that it never sends a request on
 * a connection the service is closing (the caller would get 502 for an ECONNRESET).
 */
describe('the gateway’s connections to the services', () => {
  let upstream: Server;
  let gateway: ServiceUnderTest;
  const connections: Array<{ socket: Socket; closedByGatewayAt: Promise<number> }> = [];

  beforeAll(async () => {
    upstream = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ messages: [] }));
    });
    upstream.on('connection', (socket: Socket) => {
      // 'end' is the other side's FIN: the gateway closed it (the server's own timeout destroys without one).
      connections.push({ socket, closedByGatewayAt: new Promise((resolve) => socket.once('end', () => resolve(Date.now()))) });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    gateway = await startServiceUnderTest((env) => createServiceApp(GatewayModule, { env }), 'gateway', {
      ...serviceUrls({ notifications: url }),
      GATEWAY_UPSTREAM_IDLE_MS: '500',
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('reuses a connection while it is busy, and closes it after GATEWAY_UPSTREAM_IDLE_MS idle, before the service would', async () => {
    const token = await signTestToken({ userId: 'clerk-1', roles: ['clerk'], unitId: 'u', regionCode: '310101' });
    for (let n = 0; n < 3; n++) {
      const response = await fetch(`${gateway.url}/api/notifications/inbox`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      await response.text();
    }
    const lastAnswered = Date.now();

    expect(connections).toHaveLength(1);
    const idleFor = (await connections[0].closedByGatewayAt) - lastAnswered;
    expect(idleFor).toBeGreaterThanOrEqual(400);
    expect(idleFor).toBeLessThan(3_000);
  });
});
