import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/** The kept-alive connections to the services, closed at shutdown so that none outlives the gateway. */
@Injectable()
export class UpstreamAgents implements OnApplicationShutdown {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });

  for(target: string): HttpAgent | HttpsAgent {
    return target.startsWith('https:') ? this.https : this.http;
  }

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
