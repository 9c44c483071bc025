/**
 * A running simulation streamed to the browser over server-sent events: every client that opens
 * `/frames` gets its own HH_Bischop ramp, simulated here in Node in chunks on a timer (the event
 * loop stays free for other requests), decimated and batched into one event per chunk. When the
 * client closes the stream the subscription ends and the simulation stops: the cold simulation
 * Observable is the run. The page (examples/live/stream.html) turns the events back into an
 * Observable and plots it with livePlot.
 *
 * Under load: at most `maxStreams` streams run at once (more get 429 with Retry-After), compiled
 * models of finished streams are kept (up to `maxIdleModels`) and reused by the next ones, and a
 * client that reads slowly gets batches dropped (counted in `dropped`) once its socket holds
 * `maxBufferedBytes`, so no client makes the server buffer without bound. A failure while
 * serving one client ends that stream only.
 *
 *   npm run serve:stream        # http://127.0.0.1:8124/
 */
import { Subscription, filter, map, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** Samples not sent to this client so far because it read too slowly. */
  dropped?: number;
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
  /** Bytes a client's socket may hold before its batches are dropped (default 256 KiB). */
  maxBufferedBytes?: number;
}

/** Serve stream.html and the `/frames` event stream on 127.0.0.1. */
export async function startStreamServer(options: StreamServerOptions = {}): Promise<StreamServer> {
  const chunk = options.chunk ?? 250;
  const every = options.every ?? 10;
  const maxStreams = options.maxStreams ?? 64;
  const maxIdle = options.maxIdleModels ?? 16;
  const maxBuffered = options.maxBufferedBytes ?? 256 * 1024;
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
    const pop = model.pop;
    activeRuns++;
    let ended = false;
    let dropped = 0;
    let sub: Subscription | undefined;
    const end = (): void => {
      if (ended) return;
      ended = true;
      activeRuns--;
      sub?.unsubscribe();
      if (idle.length < maxIdle) {
        model.restart();
        idle.push(model);
      }
    };
    // One event per chunk: a chunk runs synchronously within one timer task, so a flush queued
    // with setImmediate at its first sample sends the whole chunk.
    let batch: { t: number; v: number }[] = [];
    const flush = (): void => {
      if (batch.length === 0 || res.writableEnded || ended) return;
      if (res.writableLength > maxBuffered) {
        // the client reads too slowly: drop this batch rather than buffer without bound
        dropped += batch.length;
        batch = [];
        return;
      }
      const ev: FramesEvent = { t: batch.map((x) => x.t), v: batch.map((x) => x.v), spikes: model.spikes, simTime: model.network.getTime(), dropped };
      batch = [];
      res.write(`event: frames\ndata: ${JSON.stringify(ev)}\n\n`);
    };
    const fail = (e: unknown): void => {
      if (!res.writableEnded) res.end(`event: failure\ndata: ${JSON.stringify(String(e))}\n\n`);
      end();
    };
    const guarded = (f: () => void) => (): void => {
      try {
        f();
      } catch (e) {
        fail(e); // a failure serving this client stops its run only
      }
    };
    const flushSafely = guarded(flush);
    sub = model.run$(scheduler, chunk).pipe(
      filter((f) => {
        stepsSimulated++;
        return f.step % every === 0;
      }),
      map((f) => ({ t: f.t, v: (pop.get('v') as Float64Array)[0]! })),
    ).subscribe({
      next: (sample) => {
        if (batch.push(sample) === 1) setImmediate(flushSafely);
      },
      error: (e: unknown) => {
        flushSafely();
        fail(e);
      },
      complete: guarded(() => {
        flush();
        res.end(`event: end\ndata: ${JSON.stringify({ spikes: model.spikes, simTime: model.network.getTime() })}\n\n`);
        end();
      }),
    });
    if (ended) sub.unsubscribe();
    // The client went away (stop button, closed tab): unsubscribing stops the simulation.
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
