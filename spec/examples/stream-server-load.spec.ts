import { expect } from 'chai';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startStreamServer, type StreamServer } from '../../examples/stream-server.js';

/**
 * The stream server under load (issue 18 item 8), loopback only and bounded: 200 clients at
 * once, a limit beyond which streams get 429, reuse of compiled models, memory back near its
 * baseline once the clients are gone. Time bounds here only catch a server that stops
 * answering; nothing is a speed target.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Client { req: ClientRequest; status: Promise<number>; firstEvent: Promise<void>; res?: IncomingMessage }

function open(server: StreamServer): Client {
  let resolveStatus!: (n: number) => void;
  let resolveEvent!: () => void;
  const c: Client = {
    req: request(`${server.url}frames`, { agent: false }),
    status: new Promise((r) => (resolveStatus = r)),
    firstEvent: new Promise((r) => (resolveEvent = r)),
  };
  c.req.on('response', (res) => {
    c.res = res;
    resolveStatus(res.statusCode ?? 0);
    // after the first event the bytes are only drained: the clients share this process's event loop with the server
    const onData = (d: Buffer): void => {
      if (!d.toString().includes('event: frames')) return;
      resolveEvent();
      res.off('data', onData);
      res.resume();
    };
    res.on('data', onData);
    res.on('error', () => {});
  });
  c.req.on('error', () => {});
  c.req.end();
  return c;
}

async function getIndex(server: StreamServer): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const r = request(server.url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    r.on('error', reject);
    r.end();
  });
  return performance.now() - t0;
}

async function closeAll(server: StreamServer, clients: Client[]): Promise<void> {
  for (const c of clients) c.req.destroy();
  for (let i = 0; i < 100 && server.activeRuns > 0; i++) await sleep(50);
  expect(server.activeRuns, 'runs left after the clients closed').to.equal(0);
}

describe('examples: stream server under load (200 loopback clients)', function () {
  this.timeout(180_000);
  let server: StreamServer;
  before(async () => {
    server = await startStreamServer({ port: 0, chunk: 50, maxStreams: 200, maxIdleModels: 16 });
  });
  after(async () => {
    await server?.close();
  });

  it('serves 200 streams at once, refuses the 201st with 429, answers / meanwhile, and reuses compiled models', async () => {
    // warm-up and baseline: one stream, then nothing open
    const warm = open(server);
    await warm.firstEvent;
    await closeAll(server, [warm]);
    gc();
    const baseline = process.memoryUsage().heapUsed;

    const clients = Array.from({ length: 200 }, () => open(server));
    const statuses = await Promise.all(clients.map((c) => c.status));
    expect(statuses.every((s) => s === 200)).to.equal(true);
    await Promise.all(clients.map((c) => c.firstEvent));
    expect(server.activeRuns).to.equal(200);

    const extra = open(server);
    expect(await extra.status).to.equal(429);
    expect(extra.res!.headers['retry-after']).to.equal('1');
    expect(server.rejectedStreams).to.equal(1);

    const latencies: number[] = [];
    for (let k = 0; k < 5; k++) latencies.push(await getIndex(server));
    latencies.sort((a, b) => a - b);
    console.log(`      GET / with 200 streams running: median ${latencies[2]!.toFixed(1)} ms, max ${latencies[4]!.toFixed(1)} ms`);
    expect(latencies[2], 'median latency of GET /').to.be.below(1000);

    const compiledBefore = server.compiledModels;
    await closeAll(server, clients);
    expect(server.idleModels).to.equal(16);
    // the next streams take compiled models from the pool instead of compiling
    const again = Array.from({ length: 10 }, () => open(server));
    await Promise.all(again.map((c) => c.firstEvent));
    expect(server.compiledModels).to.equal(compiledBefore);
    await closeAll(server, again);

    for (let k = 0; k < 3; k++) { gc(); await sleep(50); }
    const after = process.memoryUsage().heapUsed;
    console.log(`      heap: baseline ${(baseline / 2 ** 20).toFixed(1)} MB, after 200 streams closed ${(after / 2 ** 20).toFixed(1)} MB`);
    expect(after - baseline, 'heap growth after all streams closed (16 idle models kept)').to.be.below(64 * 2 ** 20);
  });

  it('a client that never reads does not make the server buffer without bound', async () => {
    const c = open(server);
    await c.status;
    c.res!.pause(); // stop reading: the socket buffers fill up
    await sleep(3000);
    // the server keeps serving others while the slow client's run waits for it (framesBody's backpressure)
    expect(await getIndex(server)).to.be.below(1000);
    await closeAll(server, [c]);
  });
});
