import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GatewayConfig } from '../config/gateway-config.schema';
import { mergeOpenApi, type OpenApiDocument } from './openapi-merge';

const FETCH_TIMEOUT_MS = 3_000;
const CACHE_MS = 30_000;

/**
 * Fetches each service's `/docs-json` and merges them with the gateway's own. The answer is kept
 * for 30 s; a service that does not answer is listed under `x-unavailable-services`, and the
 * next request asks it again.
 */
@Injectable()
export class ApiDocsAggregator {
  private readonly upstreams: Map<string, string>;
  private cached?: { at: number; document: OpenApiDocument; complete: boolean };

  constructor(
    config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.upstreams = config.upstreams();
  }

  async document(): Promise<OpenApiDocument> {
    if (this.cached?.complete && Date.now() - this.cached.at < CACHE_MS) return this.cached.document;
    const answers = await Promise.all(
      [...this.upstreams].map(async ([service, url]) => {
        try {
          const response = await fetch(`${url}/docs-json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
          return response.ok ? ([service, (await response.json()) as OpenApiDocument] as const) : ([service, undefined] as const);
        } catch {
          return [service, undefined] as const;
        }
      }),
    );
    const documents = new Map(answers.filter((entry): entry is readonly [string, OpenApiDocument] => entry[1] !== undefined));
    const unavailable = answers.filter(([, document]) => document === undefined).map(([service]) => service);
    const document = mergeOpenApi(await this.ownDocument(), documents, unavailable);
    this.cached = { at: Date.now(), document, complete: unavailable.length === 0 };
    return document;
  }

  /** The gateway's own document, as the platform serves it at /docs-json. */
  private async ownDocument(): Promise<OpenApiDocument> {
    const server = this.adapterHost.httpAdapter.getHttpServer();
    const address = server.address();
    if (!address || typeof address === 'string') return {};
    try {
      const response = await fetch(`http://127.0.0.1:${address.port}/docs-json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      return response.ok ? ((await response.json()) as OpenApiDocument) : {};
    } catch {
      return {};
    }
  }
}
