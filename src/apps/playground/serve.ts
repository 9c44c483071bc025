/**
 * `npm run serve:playground`: bundles the playground and serves it on 127.0.0.1 (port 8125 or
 * $PORT) as static files, with the live pages' small static server. Tests start it on a free port.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startLiveServer, type LiveServer } from '../../../examples/live/server.js';
import { buildPlayground, PLAYGROUND_DIST } from './build.js';

const JS = 'text/javascript; charset=utf-8';
const FILES: Record<string, [string, string]> = {
  '/index.html': [join(PLAYGROUND_DIST, 'index.html'), 'text/html; charset=utf-8'],
  '/playground.js': [join(PLAYGROUND_DIST, 'playground.js'), JS],
  '/playground.js.map': [join(PLAYGROUND_DIST, 'playground.js.map'), 'application/json'],
  '/worker.js': [join(PLAYGROUND_DIST, 'worker.js'), JS],
  '/worker.js.map': [join(PLAYGROUND_DIST, 'worker.js.map'), 'application/json'],
  '/fit-worker.js': [join(PLAYGROUND_DIST, 'fit-worker.js'), JS],
  '/fit-worker.js.map': [join(PLAYGROUND_DIST, 'fit-worker.js.map'), 'application/json'],
};

/**
 * Build (unless `build: false`) and serve the playground.
 *
 * @example
 * ```ts
 * const s = await startPlaygroundServer({ port: 0 });
 * await page.goto(s.url);
 * await s.close();
 * ```
 */
export function startPlaygroundServer(options: { port?: number; build?: boolean } = {}): Promise<LiveServer> {
  return startLiveServer({ port: options.port ?? 8125, files: FILES, build: options.build === false ? false : () => buildPlayground() });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await startPlaygroundServer({ port: process.env.PORT ? Number(process.env.PORT) : 8125 });
  console.log(`compneuro-rx playground: ${s.url}  (Ctrl-C to stop)`);
}
