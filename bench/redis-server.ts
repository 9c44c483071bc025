// A Redis for the queue rows of `npm run bench`: REDIS_URL if set, otherwise Debian's
// redis-server (when installed) on 127.0.0.1 on a free port, as .ci/run starts it, stopped after.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRedis } from '../src/run/redis-connection.js';

/** A Redis URL and how to stop the server this bench started (nothing when REDIS_URL was given). */
export interface BenchRedis {
  url: string;
  started: boolean;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
    s.on('error', rej);
  });

/** REDIS_URL, or a redis-server started here; undefined (with the reason) when neither exists. */
export async function benchRedis(): Promise<BenchRedis | string> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, started: false, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'REDIS_URL unset and no redis-server on PATH (apt-get install redis-server)';
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((res) => server.once('exit', res));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 50; i++) {
    try {
      await checkRedis(url, 'bench');
      return { url, started: true, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop();
  return `redis-server did not answer on ${url}`;
}
