/**
 * The playground's simulation worker: compiles model texts for the editor's checks and runs the
 * experiment in slices of about 8 ms of work, posting each slice's data, so the page never waits
 * for the simulation. Between slices it yields (a MessageChannel task, not setTimeout, whose
 * nested calls are clamped to 4 ms), so a parameter change or a stop applies at the next step.
 * With a speed limit it runs only as far as wall time allows and sleeps until the next frame.
 */
import mathjs from 'mathjs/lib/browser/math.js';
import * as acorn from 'acorn';
import { provideModule } from '../../language/lazy-module.js';
import { compileModel, ExperimentRun } from './experiment-run.js';

// The language loads mathjs and acorn lazily (Node's require); a page hands them over. Only these:
// the worker draws nothing, so vega and arquero (src/browser-modules.ts) stay out of its bundle.
provideModule('mathjs', mathjs);
provideModule('acorn', acorn);
import { locateError } from './sections.js';
import type { FromWorker, ToWorker } from './messages.js';

declare const self: { postMessage(m: FromWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

/** Wall time per slice of work (ms). */
const SLICE_MS = 8;

let current: { id: number; run: ExperimentRun; t0: number; stepsPerMs: number; simStart: number; wallStart: number } | undefined;
const tick = new MessageChannel();

function post(m: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(m, transfer);
}

function end(stopped: boolean): void {
  if (!current) return;
  const c = current;
  current = undefined;
  c.run.finish();
  post({ type: 'done', runId: c.id, step: c.run.step, stopped, wallMs: performance.now() - c.t0 });
}

function slice(): void {
  const c = current;
  if (!c) return;
  const { run } = c;
  const speed = run.state.speed;
  const t0 = performance.now();
  let budget = Math.max(1, Math.round(c.stepsPerMs * SLICE_MS));
  if (speed > 0) {
    // Steps allowed by now at `speed` simulated ms per wall second.
    const allowed = Math.floor(((t0 - c.wallStart) * speed) / 1000 / run.state.dt) - (run.step - c.simStart);
    budget = Math.min(budget, allowed);
  }
  if (budget > 0) {
    try {
      const chunk = run.advance(budget);
      const dtWall = performance.now() - t0;
      // Steps per ms of wall time, smoothed: the next slice's size.
      if (dtWall > 0.5) c.stepsPerMs = 0.5 * c.stepsPerMs + 0.5 * (budget / dtWall);
      post({ type: 'data', runId: c.id, ...chunk }, [chunk.values.buffer, chunk.spikeRanks.buffer, chunk.spikeSteps.buffer]);
    } catch (e) {
      current = undefined;
      post({ type: 'error', runId: c.id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
  }
  if (run.done) {
    end(false);
    return;
  }
  if (speed > 0 && budget <= 0) setTimeout(slice, 16);
  else tick.port2.postMessage(0);
}
tick.port1.onmessage = slice;

self.onmessage = (e: MessageEvent<ToWorker>): void => {
  const m = e.data;
  switch (m.type) {
    case 'compile': {
      try {
        const t0 = performance.now();
        const { info } = compileModel(m.source, m.name, m.dt);
        post({ type: 'compiled', id: m.id, ok: true, info, ms: performance.now() - t0 });
      } catch (err) {
        post({ type: 'compiled', id: m.id, ok: false, diagnostic: locateError(m.source, err) });
      }
      return;
    }
    case 'run': {
      if (current) end(true);
      let run: ExperimentRun;
      const t0 = performance.now();
      try {
        run = new ExperimentRun(m.state);
      } catch (err) {
        post({ type: 'error', runId: m.runId, message: err instanceof Error ? err.message : String(err), diagnostic: locateError(m.state.source, err) });
        return;
      }
      post({
        type: 'started',
        runId: m.runId,
        info: run.info,
        n: run.pop.size,
        sweepValues: run.sweepValues ? Array.from(run.sweepValues) : undefined,
        protocolAttr: run.protocolAttr,
        totalSteps: run.totalSteps,
        dt: m.state.dt,
        periodSteps: m.state.periodSteps,
        buildMs: performance.now() - t0,
      });
      current = { id: m.runId, run, t0, stepsPerMs: 100, simStart: 0, wallStart: performance.now() };
      tick.port2.postMessage(0);
      return;
    }
    case 'set': {
      if (!current || current.id !== m.runId) return;
      try {
        current.run.setParameter(m.name, m.value);
      } catch (err) {
        post({ type: 'set-error', runId: m.runId, name: m.name, message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    case 'stop': {
      if (current && current.id === m.runId) end(true);
      return;
    }
  }
};
