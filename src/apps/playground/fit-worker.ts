/**
 * The playground's fit worker: runs DeapCma's `run$()` on a page state, one individual's
 * simulation at a time in slices of a few ms, yielding between slices (a MessageChannel task) so
 * that a stop arrives; stopping unsubscribes. A worker of its own, so the live simulation worker
 * keeps answering the editor and the sliders during a fit.
 */
import mathjs from 'mathjs/lib/browser/math.js';
import * as mlMatrix from 'ml-matrix';
import type { Subscription } from 'rxjs';
import { provideModule } from '../../language/lazy-module.js';
import { FitProblem } from './fit-run.js';
import type { FromFitWorker, ToFitWorker } from './fit-messages.js';
import type { PlaygroundState } from './state.js';

// the lazy loaders' modules a fit needs: mathjs (the language), ml-matrix (CMA-ES's eigh)
provideModule('mathjs', mathjs);
provideModule('ml-matrix', mlMatrix);

declare const self: { postMessage(m: FromFitWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToFitWorker>) => void) | null };

/** Wall time of one slice of simulation (ms) before yielding. */
const SLICE_MS = 10;

const tick = new MessageChannel();
const queue: (() => void)[] = [];
tick.port1.onmessage = () => queue.shift()?.();
/** Let pending messages (a stop) in: resolves in a new task. */
const yieldTask = (): Promise<void> =>
  new Promise((resolve) => {
    queue.push(resolve);
    tick.port2.postMessage(0);
  });

let current: { id: number; sub: Subscription | undefined; cancelled: boolean; t0: number; gens: number; best?: number[]; bestFitness?: number } | undefined;

function post(m: FromFitWorker, transfer: Transferable[] = []): void {
  self.postMessage(m, transfer);
}

function start(fitId: number, state: PlaygroundState): void {
  const c = { id: fitId, sub: undefined as Subscription | undefined, cancelled: false, t0: performance.now(), gens: 0 } as NonNullable<typeof current>;
  current = c;
  let problem: FitProblem;
  try {
    problem = new FitProblem(state);
  } catch (e) {
    current = undefined;
    post({ type: 'error', fitId, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const targetTime = problem.target.time.slice();
  const targetValue = problem.target.value.slice();
  post({ type: 'started', fitId, names: problem.names, targetTime, targetValue, periodMs: problem.periodMs }, [targetTime.buffer, targetValue.buffer]);
  let stepsPerMs = 200;
  let bestLoss = Infinity;
  let bestTrace: Float64Array | undefined;
  let lastSent: Float64Array | undefined;
  const cma = problem.deapCma(async (pop) => {
    const losses: number[] = [];
    for (const x of pop) {
      const r = problem.individual(x);
      for (;;) {
        await yieldTask();
        if (c.cancelled) return pop.map(() => Infinity); // DeapCma drops it: unsubscribed
        const t = performance.now();
        const budget = Math.max(100, Math.round(stepsPerMs * SLICE_MS));
        const done = r.advance(budget);
        const ms = performance.now() - t;
        if (ms > 0.5) stepsPerMs = 0.5 * stepsPerMs + 0.5 * (budget / ms);
        if (done) break;
      }
      const trace = r.trace();
      const loss = problem.loss(trace);
      losses.push(loss);
      // DeapCma's hall of fame keeps the first strictly better individual: the same one here
      if (loss < bestLoss || bestTrace === undefined) {
        bestLoss = loss;
        bestTrace = trace;
      }
    }
    return losses;
  });
  c.sub = cma.run$().subscribe({
    next: (g) => {
      c.gens = g.gen + 1;
      c.best = g.best;
      c.bestFitness = g.bestFitness;
      let trace: Float64Array | undefined;
      if (bestTrace !== lastSent && bestTrace) {
        lastSent = bestTrace;
        trace = bestTrace.slice();
      }
      post(
        { type: 'generation', fitId, gen: g.gen, nevals: g.nevals, min: g.min, avg: g.avg, best: g.best, bestFitness: g.bestFitness, ...(trace ? { bestTrace: trace } : {}) },
        trace ? [trace.buffer] : [],
      );
    },
    error: (e: unknown) => {
      if (current === c) current = undefined;
      post({ type: 'error', fitId, message: e instanceof Error ? e.message : String(e) });
    },
    complete: () => finish(c, false),
  });
}

function finish(c: NonNullable<typeof current>, stopped: boolean): void {
  if (current === c) current = undefined;
  post({ type: 'done', fitId: c.id, stopped, generations: c.gens, best: c.best, bestFitness: c.bestFitness, wallMs: performance.now() - c.t0 });
}

function stop(): void {
  const c = current;
  if (!c) return;
  c.cancelled = true;
  c.sub?.unsubscribe();
  finish(c, true);
}

self.onmessage = (e: MessageEvent<ToFitWorker>): void => {
  const m = e.data;
  if (m.type === 'start') {
    stop();
    start(m.fitId, m.state);
  } else if (m.type === 'stop' && current?.id === m.fitId) stop();
};
