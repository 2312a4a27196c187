import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayConfig } from '../config/gateway-config.schema';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
/** The portal loads nothing from elsewhere and runs no inline script; charts style their SVG inline. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
/** Paths the gateway answers itself, never the portal's index page. */
const NOT_PORTAL = /^\/(api|auth|health|metrics|docs)(\/|$|-json)/;

/**
 * Serves the built portal (GATEWAY_PORTAL_DIR): its hashed assets for a year (they never change
 * under one name), index.html never cached, both gzipped when the browser accepts it (compressed
 * once per version of the file and kept in memory). Any other GET for a
 * page gets index.html, so the portal's own routes survive a reload.
 */
@Injectable()
export class PortalStaticMiddleware implements NestMiddleware {
  private readonly root: string;
  private readonly gzipped = new Map<string, { version: string; body: Buffer }>();

  constructor(config: GatewayConfig) {
    this.root = path.resolve(config.GATEWAY_PORTAL_DIR);
    if (!existsSync(path.join(this.root, 'index.html'))) {
      new Logger('Portal').warn(`no portal build in ${this.root} (npx nx run portal:build); only the API is served`);
    }
  }

  use(request: IncomingMessage & { originalUrl: string }, response: ServerResponse, next: () => void): void {
    const urlPath = new URL(request.originalUrl, 'http://portal').pathname;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_PORTAL.test(urlPath)) return next();
    const file = this.fileFor(urlPath);
    if (file) return this.send(request, response, file, urlPath.startsWith('/assets/'));
    if (urlPath.startsWith('/assets/')) return next(); // a missing asset is a 404, not the index page
    const index = path.join(this.root, 'index.html');
    if ((request.headers.accept ?? '').includes('text/html') && existsSync(index)) return this.send(request, response, index, false);
    next();
  }

  private fileFor(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const file = path.resolve(this.root, `.${decoded === '/' ? '/index.html' : decoded}`);
    if (!file.startsWith(this.root + path.sep)) return undefined; // no climbing out of the build
    try {
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }

  private send(request: IncomingMessage, response: ServerResponse, file: string, immutable: boolean): void {
    const extension = path.extname(file);
    response.setHeader('content-type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
    response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('x-content-type-options', 'nosniff');
    if (extension === '.html') {
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      response.setHeader('referrer-policy', 'same-origin');
    }
    response.setHeader('vary', 'accept-encoding');
    const { size, mtimeMs } = statSync(file);
    if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      // One compressed copy per file, made again when the file changes (a rebuild while the gateway runs).
      const version = `${mtimeMs}:${size}`;
      let cached = this.gzipped.get(file);
      if (cached?.version !== version) {
        cached = { version, body: gzipSync(readFileSync(file)) };
        this.gzipped.set(file, cached);
      }
      const body = cached.body;
      response.setHeader('content-encoding', 'gzip');
      response.setHeader('content-length', body.length);
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.setHeader('content-length', size);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  }
}
