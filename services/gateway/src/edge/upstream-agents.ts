import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { GatewayConfig } from '../config/gateway-config.schema';

/**
 * The kept-alive connections to the services, closed at shutdown so that none outlives the gateway.
 * An idle one is closed after GATEWAY_UPSTREAM_IDLE_MS, before the service would close it (its
 * HTTP_KEEP_ALIVE_TIMEOUT_MS is longer): a request never goes out on a connection the service is closing.
 */
@Injectable()
export class UpstreamAgents implements OnApplicationShutdown {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(config: GatewayConfig) {
    // `timeout` is the socket's idle timeout; a request in flight sets its own (GATEWAY_UPSTREAM_TIMEOUT_MS).
    this.http = new HttpAgent({ keepAlive: true, timeout: config.GATEWAY_UPSTREAM_IDLE_MS });
    this.https = new HttpsAgent({ keepAlive: true, timeout: config.GATEWAY_UPSTREAM_IDLE_MS });
  }

  for(target: string): HttpAgent | HttpsAgent {
    return target.startsWith('https:') ? this.https : this.http;
  }

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
