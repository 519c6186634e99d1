/**
 * A small static server for the built preview, on the loopback interface only.
 *
 *   /                      .preview-build/index.html
 *   /preview/*             the bundle, chunks and model.json
 *   /preview/sample-data.json   data/sample-data.json
 *   /preview/config.json   what the page opens by default: { scale } (npm start -- --scale)
 *   /assets/*              SLDS styles, icons and images from @salesforce-ux/design-system
 *   /resource/<name>       force-app static resources
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { STATIC_ROUTES } from './build';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
};

/** Joins a URL path under a directory, refusing anything that climbs out of it. */
function inside(directory: string, urlPath: string): string | null {
  const path = normalize(join(directory, decodeURIComponent(urlPath)));
  return path === directory || path.startsWith(directory + sep) ? path : null;
}

function staticResource(name: string, rest: string): string | null {
  const base = join(STATIC_ROUTES.staticResources, name);
  if (rest) return inside(base, rest);
  for (const candidate of [base, `${base}.js`, `${base}.css`, `${base}.json`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function fileFor(urlPath: string): string | null {
  if (urlPath === '/' || urlPath === '/index.html') return join(STATIC_ROUTES.outDir, 'index.html');
  if (urlPath === '/preview/sample-data.json') return STATIC_ROUTES.sampleData;
  if (urlPath.startsWith('/preview/')) return inside(STATIC_ROUTES.outDir, urlPath);
  if (urlPath.startsWith('/assets/'))
    return inside(STATIC_ROUTES.assets, urlPath.slice('/assets/'.length));
  const resource = /^\/resource\/(?:\d+\/)?([^/]+)\/?(.*)$/.exec(urlPath);
  if (resource) return staticResource(resource[1], resource[2]);
  return null;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(
  options: { port?: number; scale?: string | null } = {}
): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (urlPath === '/preview/config.json') {
      response.writeHead(200, {
        'content-type': CONTENT_TYPES['.json'],
        'cache-control': 'no-cache'
      });
      response.end(JSON.stringify({ scale: options.scale ?? null }));
      return;
    }
    const file = fileFor(urlPath);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Not found: ${urlPath}`);
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache'
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })
      });
    });
  });
}
