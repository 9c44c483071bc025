/**
 * A small static server for the live pages on 127.0.0.1 (bundles them first with esbuild).
 * `npm run serve:live` runs it on port 8123 (or $PORT); tests start it on a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildLive, DIST } from './build.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Files the server serves (nothing else: no directory listing, no path traversal). */
const FILES: Record<string, [string, string]> = {
  '/index.html': [join(here, 'index.html'), 'text/html; charset=utf-8'],
  '/stream.html': [join(here, 'stream.html'), 'text/html; charset=utf-8'],
  '/live.js': [join(DIST, 'live.js'), 'text/javascript; charset=utf-8'],
  '/live.js.map': [join(DIST, 'live.js.map'), 'application/json'],
  '/stream-client.js': [join(DIST, 'stream-client.js'), 'text/javascript; charset=utf-8'],
  '/stream-client.js.map': [join(DIST, 'stream-client.js.map'), 'application/json'],
};

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LiveServerOptions {
  /** Port (default 8123; 0 picks a free one). */
  port?: number;
  /** Bundle the page scripts before serving (default true: the live pages' bundles; a function: that build). */
  build?: boolean | (() => Promise<unknown>);
  /** The page served at `/` (default index.html, the in-page simulation). */
  index?: string;
  /** The files served, by path (default: the live pages'). */
  files?: Record<string, [path: string, contentType: string]>;
  /** Extra routes by path (e.g. a server-sent-events endpoint). */
  routes?: Record<string, Route>;
}

export interface LiveServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Start the server on 127.0.0.1; resolves once it listens. */
export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const build = options.build ?? true;
  if (typeof build === 'function') await build();
  else if (build) await buildLive();
  const files = options.files ?? FILES;
  const routes = options.routes ?? {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (route && req.method === 'GET') return route(req, res);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = files[path === '/' ? `/${options.index ?? 'index.html'}` : path];
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    readFile(file[0]).then(
      (body) => res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end(`${path} is not built: run npm run build:live\n`),
    );
  });
  // Keep-alive sockets (and open event streams) must not hold close() forever.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8123, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8123;
  const s = await startLiveServer({ port });
  console.log(`live HH_Bischop page: ${s.url}  (Ctrl-C to stop)`);
}
