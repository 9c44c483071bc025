/**
 * A simulation served over a WebSocket (`ws`): every client that connects gets its own network
 * (5 Izhikevich2007 neurons at rest, dt 0.1 ms) simulated here in chunks on a timer, and receives
 * the recordings as they happen: `samples` messages (blocks of `mon.samples$`) and `spikes`
 * messages (`mon.spikes$`). The client changes parameters with
 * `{ "type": "set", "population": "izh", "name": "I_app", "value": 100 }` (a number, or one per
 * neuron); each change is validated (the population exists, the name is one of its parameters,
 * the values are finite numbers) and applied between two steps: messages are handled between the
 * simulation's chunks, never inside one. The reply says at which step it took effect, or why it
 * was rejected. Closing the socket stops the run.
 *
 * Both directions go through the stream adapters: the outgoing messages are an Observable piped
 * into the socket's Duplex with `toNodeReadable` (a slow client makes the simulation wait), the
 * incoming ones are read with `fromNodeReadable`.
 *
 *   npx tsx examples/ws-server.ts        # ws://127.0.0.1:8125/
 */
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Observable, Subscription, type SchedulerLike } from 'rxjs';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';
import { Network } from '../src/engine/network.js';
import { Population } from '../src/engine/population.js';
import { Izhikevich2007 } from '../src/models/izhikevich-2007.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import { simulate$ } from '../src/stream/simulate.js';
import { fromNodeReadable, toNodeReadable } from '../src/io/node-readable.js';
import { timerScheduler } from './stream-server.js';

/** Messages the server sends. */
export type ServerMessage =
  /** A block of samples: times (ms) and v (mV) per neuron, `v[i][k]` = neuron i at `t[k]`. */
  | { type: 'samples'; t: number[]; v: number[][] }
  /** The spikes of one step. */
  | { type: 'spikes'; step: number; t: number; ranks: number[] }
  /** A parameter change took effect before step `step`. */
  | { type: 'applied'; population: string; name: string; value: number | number[]; step: number }
  | { type: 'rejected'; error: string }
  | { type: 'end'; step: number }
  | { type: 'failure'; error: string };

/** A parameter change a client sends. */
export interface SetMessage {
  type: 'set';
  population: string;
  name: string;
  value: number | number[];
}

/**
 * Checks a client message against the network: returns the change to apply, or throws an Error
 * whose message names what is wrong (sent back as `rejected`).
 *
 * @example
 * ```ts
 * validateSet(net, JSON.parse(text)); // { population, name, value }
 * ```
 */
export function validateSet(network: Network, msg: unknown): { pop: Population; name: string; value: number | number[] } {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) throw new Error('expected a JSON object { type: "set", population, name, value }');
  const m = msg as Record<string, unknown>;
  if (m.type !== 'set') throw new Error(`unknown message type ${JSON.stringify(m.type)}; expected "set"`);
  for (const k of Object.keys(m)) if (!['type', 'population', 'name', 'value'].includes(k)) throw new Error(`unknown field "${k}"; expected type, population, name, value`);
  const pops = network.populationsList;
  const pop = pops.find((p) => p.name === m.population);
  if (!pop) throw new Error(`no population ${JSON.stringify(m.population)}; populations: ${pops.map((p) => p.name).join(', ')}`);
  if (typeof m.name !== 'string' || !pop.parameters.includes(m.name)) {
    throw new Error(`${JSON.stringify(m.name)} is not a parameter of population "${pop.name}"; parameters: ${pop.parameters.join(', ')}`);
  }
  const v = m.value;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (Array.isArray(v)) {
    if (v.length !== pop.size || !v.every(finite)) throw new Error(`value of ${pop.name}.${m.name} must be a finite number or ${pop.size} finite numbers`);
  } else if (!finite(v)) throw new Error(`value of ${pop.name}.${m.name} must be a finite number or ${pop.size} finite numbers, got ${JSON.stringify(v)}`);
  return { pop, name: m.name, value: v as number | number[] };
}

export interface WsServer {
  readonly url: string;
  readonly port: number;
  /** Simulations currently running (one per open socket). */
  readonly activeRuns: number;
  /** Steps simulated so far by all runs. */
  readonly stepsSimulated: number;
  close(): Promise<void>;
}

/** One client's run: the messages it is sent, as an Observable (subscribing runs the simulation). */
function clientRun(network: Network, mon: CompNeuroMonitors, replies: Observable<ServerMessage>, opts: { duration: number; scheduler: SchedulerLike; chunk: number; every: number }, onStep: () => void): Observable<string> {
  return new Observable<string>((out) => {
    const send = (m: ServerMessage): void => out.next(JSON.stringify(m));
    const subs = new Subscription();
    subs.add(mon.samples$({ every: opts.every }).subscribe((b) => {
      const v = b.values.v!;
      send({ type: 'samples', t: [...b.t], v: Array.from({ length: v.rowSize }, (_, i) => [...v.column(i)]) });
    }));
    subs.add(mon.spikes$().subscribe((events) => send({ type: 'spikes', step: events[0]!.step, t: events[0]!.t, ranks: events.map((e) => e.rank) })));
    subs.add(replies.subscribe(send));
    mon.start();
    subs.add(simulate$(opts.duration, { network, scheduler: opts.scheduler, chunk: opts.chunk }).subscribe({
      next: onStep,
      error: (e: unknown) => {
        send({ type: 'failure', error: String(e) });
        out.complete();
      },
      complete: () => {
        send({ type: 'end', step: network.currentStep });
        out.complete();
      },
    }));
    return subs;
  });
}

/**
 * Serve the WebSocket simulation on 127.0.0.1 (port 0: any free port).
 *
 * @example
 * ```ts
 * const s = await startWsServer({ port: 0 });
 * const ws = new WebSocket(s.url);
 * ```
 */
export async function startWsServer(options: { port?: number; chunk?: number; frameMs?: number; every?: number; duration?: number } = {}): Promise<WsServer> {
  const chunk = options.chunk ?? 200;
  const every = options.every ?? 100;
  const duration = options.duration ?? 60_000;
  const scheduler = timerScheduler(options.frameMs ?? 16);
  let activeRuns = 0;
  let stepsSimulated = 0;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 8125 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  wss.on('connection', (ws: WebSocket) => {
    const network = new Network({ dt: 0.1, seed: 1 });
    new Population(5, new Izhikevich2007({ init: { v: -60 } }), { name: 'izh', network });
    network.compile();
    const mon = new CompNeuroMonitors({ izh: ['v', 'spike'] }, { network, log: () => {} });
    // text frames in and out, one message per chunk
    const duplex = createWebSocketStream(ws, { readableObjectMode: true, decodeStrings: false });
    const replies = fromNodeReadable<Buffer | string>(duplex);
    const answers = new Observable<ServerMessage>((o) => replies.subscribe({
      next: (data) => {
        try {
          const { pop, name, value } = validateSet(network, JSON.parse(String(data)));
          pop.set({ [name]: value }); // between two chunks, so between two steps
          o.next({ type: 'applied', population: pop.name, name, value, step: network.currentStep });
        } catch (e) {
          o.next({ type: 'rejected', error: e instanceof Error ? e.message : String(e) });
        }
      },
      error: () => o.complete(),
      complete: () => o.complete(),
    }));
    activeRuns++;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      activeRuns--;
    };
    const body = toNodeReadable(clientRun(network, mon, answers, { duration, scheduler, chunk, every }, () => stepsSimulated++), { network });
    // either side closing (the client went away, the run ended) ends both; destroying the body stops the run
    pipeline(body, duplex, () => end());
    ws.on('close', () => {
      body.destroy();
      end();
    });
  });

  const port = (wss.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}/`,
    port,
    get activeRuns() {
      return activeRuns;
    },
    get stepsSimulated() {
      return stepsSimulated;
    },
    close: () => new Promise<void>((resolve) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => resolve());
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8125;
  const s = await startWsServer({ port });
  console.log(`simulation streamed over a WebSocket: ${s.url}  (send {"type":"set","population":"izh","name":"I_app","value":100}; Ctrl-C to stop)`);
}
