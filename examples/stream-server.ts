/**
 * A running simulation streamed to the browser over server-sent events: every client that opens
 * `/frames` gets its own HH_Bischop ramp, simulated here in Node in chunks on a timer (the event
 * loop stays free for other requests), decimated and batched into one event per chunk. When the
 * client closes the stream the subscription ends and the simulation stops: the cold simulation
 * Observable is the run. The page (examples/live/stream.html) turns the events back into an
 * Observable and plots it with livePlot.
 *
 * The events flow through `toNodeReadable` (src/io/node-readable.ts) piped into the response.
 * Under load: at most `maxStreams` streams run at once (more get 429 with Retry-After), compiled
 * models of finished streams are kept (up to `maxIdleModels`) and reused by the next ones, and a
 * client that reads slowly makes its own simulation wait (backpressure through the adapter, at
 * most `highWaterMark` events queued), so no client makes the server buffer without bound. A
 * failure while serving one client ends that stream only.
 *
 *   npm run serve:stream        # http://127.0.0.1:8124/
 */
import { Subscription, catchError, concat, defer, filter, map, of, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { toNodeReadable } from '../src/io/node-readable.js';
import { startLiveServer, type LiveServer } from './live/server.js';
import { HHRampDemo } from './live/hh-ramp-demo.js';

/** What one server-sent `frames` event carries. */
export interface FramesEvent {
  /** Times (ms) and membrane potentials (mV) of every `every`-th step of the batch. */
  t: number[];
  v: number[];
  /** Spikes so far and simulation time (ms) after the batch. */
  spikes: number;
  simTime: number;
}

/** One server-sent event: `event: <name>` and its JSON data. */
const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Options of {@link framesBody}. */
export interface FramesBodyOptions {
  scheduler: SchedulerLike;
  /** Steps per scheduled chunk. */
  chunk: number;
  /** Send every `every`-th step. */
  every: number;
  /** Events queued for this client before its simulation waits (default 8). */
  highWaterMark?: number;
  /** Called for every simulated step (the server's counter). */
  onStep?: () => void;
}

/**
 * One client's response body: the rest of `model`'s ramp as server-sent events (one `frames`
 * event per chunk of samples, then `end`, or `failure` if the run fails), through
 * `toNodeReadable` with the model's network, so a client that reads slowly makes its own
 * simulation wait instead of the server buffering for it: at most `highWaterMark` events are
 * queued, plus what the socket holds. Destroying the body (the client went away) stops the run.
 *
 * @example
 * ```ts
 * pipeline(framesBody(new HHRampDemo(), { scheduler, chunk: 250, every: 10 }), res, () => {});
 * ```
 */
export function framesBody(model: HHRampDemo, o: FramesBodyOptions): Readable {
  const pop = model.pop;
  const events = defer(() => {
    let batch: { t: number; v: number }[] = [];
    // the samples so far, with the spikes and the time after the last step simulated
    const framesEvent = (): string => {
      const ev: FramesEvent = { t: batch.map((x) => x.t), v: batch.map((x) => x.v), spikes: model.spikes, simTime: model.network.getTime() };
      batch = [];
      return sse('frames', ev);
    };
    const chunks = model.run$(o.scheduler, o.chunk).pipe(
      filter((f, i) => {
        o.onStep?.();
        if (f.step % o.every === 0) batch.push({ t: f.t, v: (pop.get('v') as Float64Array)[0]! });
        return (i + 1) % o.chunk === 0; // the last step of a scheduled chunk: one event per chunk
      }),
      map(framesEvent),
    );
    const last = defer(() => of(...(batch.length > 0 ? [framesEvent()] : []), sse('end', { spikes: model.spikes, simTime: model.network.getTime() })));
    return concat(chunks, last);
  }).pipe(catchError((e: unknown) => of(sse('failure', String(e))))); // a failure ends this stream only
  return toNodeReadable(events, { network: model.network, highWaterMark: o.highWaterMark ?? 8 });
}

/**
 * A scheduler that runs each task `ms` milliseconds after the previous one: Node's stand-in for
 * the browser's animation frames, so a chunked simulation goes at a watchable pace. Tasks that
 * are due run from one queue for at most `budgetMs` of wall time, then the queue yields to the
 * event loop (setImmediate) before it continues: with hundreds of streams the simulations slow
 * down instead of delaying every other request behind them.
 */
export function timerScheduler(ms: number, budgetMs = 8): SchedulerLike {
  const ready: (() => void)[] = [];
  let pumping = false;
  const pump = (): void => {
    const t0 = performance.now();
    while (ready.length > 0 && performance.now() - t0 < budgetMs) ready.shift()!();
    if (ready.length > 0) setImmediate(pump);
    else pumping = false;
  };
  const enqueue = (task: () => void): void => {
    ready.push(task);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  };
  return {
    now: () => Date.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
      let id: ReturnType<typeof setTimeout> | undefined;
      const sub = new Subscription(() => clearTimeout(id));
      const action = Object.assign(sub, {
        schedule(next?: T, d = 0): Subscription {
          if (sub.closed) return sub;
          clearTimeout(id);
          id = setTimeout(() => enqueue(() => {
            if (!sub.closed) work.call(action as SchedulerAction<T>, next);
          }), Math.max(d, ms));
          return sub;
        },
      });
      action.schedule(state, delay);
      return sub;
    },
  };
}

export interface StreamServer extends LiveServer {
  /** Simulations currently running (one per open `/frames` stream). */
  readonly activeRuns: number;
  /** Steps simulated so far by all runs (stops growing when no stream is open). */
  readonly stepsSimulated: number;
  /** Streams refused with 429 because `maxStreams` were running. */
  readonly rejectedStreams: number;
  /** Models compiled so far (streams reuse the compiled models of finished ones). */
  readonly compiledModels: number;
  /** Compiled models waiting for the next stream. */
  readonly idleModels: number;
}

/** Options of {@link startStreamServer}. */
export interface StreamServerOptions {
  port?: number;
  /** Steps per scheduled chunk (default 250). */
  chunk?: number;
  /** Milliseconds between chunks (default 16). */
  frameMs?: number;
  /** Send every `every`-th step (default 10). */
  every?: number;
  /** Streams running at once; more are refused with 429 (default 64). */
  maxStreams?: number;
  /** Compiled models kept for reuse when their streams end (default 16). */
  maxIdleModels?: number;
  /** Events queued per client before its simulation waits for it to read (default 8). */
  highWaterMark?: number;
}

/** Serve stream.html and the `/frames` event stream on 127.0.0.1. */
export async function startStreamServer(options: StreamServerOptions = {}): Promise<StreamServer> {
  const chunk = options.chunk ?? 250;
  const every = options.every ?? 10;
  const maxStreams = options.maxStreams ?? 64;
  const maxIdle = options.maxIdleModels ?? 16;
  const scheduler = timerScheduler(options.frameMs ?? 16);
  let activeRuns = 0;
  let stepsSimulated = 0;
  let rejectedStreams = 0;
  let compiledModels = 0;
  // compiled models of finished streams, restarted and ready for the next one
  const idle: HHRampDemo[] = [];

  const frames = (req: IncomingMessage, res: ServerResponse): void => {
    if (activeRuns >= maxStreams) {
      rejectedStreams++;
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '1' }).end(`too many streams (${maxStreams} running); retry later\n`);
      return;
    }
    res.on('error', () => {}); // a reset connection ends this stream (req 'close'), never the server
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    let demo = idle.pop();
    if (!demo) {
      demo = new HHRampDemo();
      compiledModels++;
    }
    const model = demo;
    activeRuns++;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      activeRuns--;
      body.destroy(); // unsubscribes: the run stops and restores its input
      if (idle.length < maxIdle) {
        model.restart();
        idle.push(model);
      }
    };
    const body = framesBody(model, { scheduler, chunk, every, highWaterMark: options.highWaterMark, onStep: () => stepsSimulated++ });
    // the run ended (end/failure sent) or either side broke off: this stream ends, never the server
    pipeline(body, res, end);
    // The client went away (stop button, closed tab): destroying the body stops the simulation.
    req.on('close', end);
  };

  const server = await startLiveServer({ port: options.port ?? 8124, index: 'stream.html', routes: { '/frames': frames } });
  return {
    ...server,
    get activeRuns() {
      return activeRuns;
    },
    get stepsSimulated() {
      return stepsSimulated;
    },
    get rejectedStreams() {
      return rejectedStreams;
    },
    get compiledModels() {
      return compiledModels;
    },
    get idleModels() {
      return idle.length;
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8124;
  const s = await startStreamServer({ port });
  console.log(`simulation streamed over server-sent events: ${s.url}  (Ctrl-C to stop)`);
}
