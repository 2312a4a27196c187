import type { Server, ServerResponse } from 'node:http';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServiceConfig } from '../config/service-config.schema';

/**
 * Drains HTTP before the connections to PostgreSQL, Kafka and Redis close (they close in
 * `onApplicationShutdown`, after this): stops accepting connections, lets the requests in flight
 * finish within `SHUTDOWN_TIMEOUT_MS`, then closes whatever connections remain.
 */
@Injectable()
export class GracefulShutdownService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private server: Server | undefined;
  private inFlight = 0;
  private readonly drainedListeners = new Set<() => void>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server: Server | undefined = this.adapterHost.httpAdapter?.getHttpServer();
    if (!server) return;
    this.server = server;
    server.on('request', (_request, response: ServerResponse) => {
      this.inFlight += 1;
      response.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.drainedListeners.forEach((listener) => listener());
      });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    const timeoutMs = this.config.SHUTDOWN_TIMEOUT_MS;
    this.logger.log(`Shutting down: refusing new connections, ${this.inFlight} request(s) in flight, waiting up to ${timeoutMs} ms`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (!(await this.drained(timeoutMs))) {
      this.logger.warn(`${this.inFlight} request(s) still in flight after ${timeoutMs} ms: closing their connections`);
    }
    server.closeAllConnections();
    await closed;
    this.logger.log('HTTP server closed');
  }

  private drained(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (drained: boolean) => {
        clearTimeout(timer);
        this.drainedListeners.delete(onDrained);
        resolve(drained);
      };
      const onDrained = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.drainedListeners.add(onDrained);
    });
  }
}
