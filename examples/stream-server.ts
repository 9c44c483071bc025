/**
 * A running simulation streamed to the browser over server-sent events: every client that opens
 * `/frames` gets its own HH_Bischop ramp, simulated here in Node in chunks on a timer (the event
 * loop stays free for other requests), decimated and batched into one event per chunk. When the
 * client closes the stream the subscription ends and the simulation stops: the cold simulation
 * Observable is the run. The page (examples/live/stream.html) turns the events back into an
 * Observable and plots it with livePlot.
 *
 *   npm run serve:stream        # http://127.0.0.1:8124/
 */
import { Observable, Subscription, filter, map, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLiveServer, type LiveServer } from './live/server.js';
import { HHRampDemo } from './live/hh-ramp-demo.js';
import { toNodeReadable } from '../src/io/node-readable.js';

/** What one server-sent `frames` event carries. */
export interface FramesEvent {
  /** Times (ms) and membrane potentials (mV) of every `every`-th step of the batch. */
  t: number[];
  v: number[];
  /** Spikes so far and simulation time (ms) after the batch. */
  spikes: number;
  simTime: number;
}

/**
 * A scheduler that runs each task `ms` milliseconds after the previous one: Node's stand-in for
 * the browser's animation frames, so a chunked simulation goes at a watchable pace.
 */
export function timerScheduler(ms: number): SchedulerLike {
  return {
    now: () => Date.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
      let id: ReturnType<typeof setTimeout> | undefined;
      const sub = new Subscription(() => clearTimeout(id));
      const action = Object.assign(sub, {
        schedule(next?: T, d = 0): Subscription {
          if (sub.closed) return sub;
          clearTimeout(id);
          id = setTimeout(() => {
            if (!sub.closed) work.call(action as SchedulerAction<T>, next);
          }, Math.max(d, ms));
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
}

/** Serve stream.html and the `/frames` event stream on 127.0.0.1. */
export async function startStreamServer(options: { port?: number; chunk?: number; frameMs?: number; every?: number } = {}): Promise<StreamServer> {
  const chunk = options.chunk ?? 250;
  const every = options.every ?? 10;
  const scheduler = timerScheduler(options.frameMs ?? 16);
  let activeRuns = 0;
  let stepsSimulated = 0;

  const frames = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const demo = new HHRampDemo();
    const pop = demo.pop;
    activeRuns++;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      activeRuns--;
    };
    // One event per chunk: a chunk runs synchronously within one timer task, so a flush queued
    // with setImmediate at its first sample sends the whole chunk. The events are an Observable
    // of SSE text, piped into the response through a Node Readable (toNodeReadable): a client
    // that reads slowly makes the simulation wait between chunks instead of queueing events.
    const events$ = new Observable<string>((out) => {
      let batch: { t: number; v: number }[] = [];
      const flush = (): void => {
        if (batch.length === 0) return;
        const ev: FramesEvent = { t: batch.map((s) => s.t), v: batch.map((s) => s.v), spikes: demo.spikes, simTime: demo.network.getTime() };
        batch = [];
        out.next(`event: frames\ndata: ${JSON.stringify(ev)}\n\n`);
      };
      const sub = demo.run$(scheduler, chunk).pipe(
        filter((f) => {
          stepsSimulated++;
          return f.step % every === 0;
        }),
        map((f) => ({ t: f.t, v: (pop.get('v') as Float64Array)[0]! })),
      ).subscribe({
        next: (sample) => {
          if (batch.push(sample) === 1) setImmediate(flush);
        },
        error: (e: unknown) => {
          flush();
          out.next(`event: failure\ndata: ${JSON.stringify(String(e))}\n\n`);
          end();
          out.complete();
        },
        complete: () => {
          flush();
          out.next(`event: end\ndata: ${JSON.stringify({ spikes: demo.spikes, simTime: demo.network.getTime() })}\n\n`);
          end();
          out.complete();
        },
      });
      return () => sub.unsubscribe();
    });
    const body = toNodeReadable(events$, { network: demo.network });
    body.pipe(res);
    // The client went away (stop button, closed tab): destroying the body unsubscribes, which stops the simulation.
    req.on('close', () => {
      body.destroy();
      end();
    });
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
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8124;
  const s = await startStreamServer({ port });
  console.log(`simulation streamed over server-sent events: ${s.url}  (Ctrl-C to stop)`);
}
