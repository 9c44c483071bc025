/**
 * The figure thread's side (figure-thread.ts): loads vega, vega-lite, resvg and the fonts at
 * once, then fits and writes each figure it is sent (resvg drawing on a libuv pool thread while
 * the next figure's SVG is built), answering on its port and waking the caller through the
 * shared state.
 */
import { createRequire } from 'node:module';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { flushCodeCache } from '../language/code-cache.js';
import { renderFigureAsync, type FigureJob } from '../plot/plot-recordings.js';
import { buildPlotSpec } from '../plot/plot-spec.js';
import { renderFittedSvg } from '../plot/render-svg.js';
import { preloadFigureModules, rasterizeSvg } from '../plot/render-file.js';
import { RecordedArray } from '../monitors/recorded-array.js';
import type { RecordingChunk } from '../monitors/recordings.js';
import { DONE, STATUS, serializeError, type FigureReply } from './figure-thread.js';

/**
 * Draws a small line figure in memory, as PlotRecordings would, so that the first real one
 * finds vega's and the PNG code's functions compiled and resvg's fonts read (the first figure
 * took about twice as long as the next ones).
 */
function warmUp(): void {
  const n = 2000;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = -68 + 100 * Math.exp(-(((i % 400) - 200) ** 2) / 50);
  const times = { start: { ms: [0], idx: [0] }, stop: { ms: [n - 1], idx: [n - 1] } };
  const lims = (key: 'ms' | 'idx'): [number, number] => [times.start[key][0]!, times.stop[key][0]!];
  const { spec, figure } = buildPlotSpec({
    recordings: [{ dt: 1, 'pop;v': new RecordedArray(v, [n, 1]), 'pop;period': 1 } as RecordingChunk],
    recordingTimes: { timeLims: () => lims('ms'), idxLims: () => lims('idx'), getNrPeriods: () => 1 },
    shape: [1, 1],
    plan: { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] },
  });
  rasterizeSvg(renderFittedSvg(spec, figure).svg.svg, 1);
}

/**
 * Serves figure jobs until the process ends (the thread's prelude calls this).
 *
 * @example
 * ```ts
 * serveFigures({ state, port }); // inside the figure thread
 * ```
 */
export function serveFigures({ state, port }: { state: Int32Array; port: MessagePort }): void {
  try {
    preloadFigureModules();
    warmUp();
    // vega's and vega-lite's code caches, if they were missing or rejected, now (with the code
    // the warm-up compiled): the thread is ended with the process, its exit hook never runs
    flushCodeCache(createRequire(import.meta.url));
  } catch {
    // the first figure loads them again and reports what is missing
  }
  Atomics.store(state, STATUS, 1);
  const answer = (reply: FigureReply): void => {
    port.postMessage(reply);
    // counted after the reply is on the port (FigureThread.take relies on it)
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  };
  // one job per turn of the event loop: the messages of several figures arrive together, and
  // between two figures' SVGs the loop hands finished drawings back, which starts the next ones
  const jobs: Array<{ seq: number; job: FigureJob }> = [];
  const serveOne = (): void => {
    const { seq, job } = jobs.shift()!;
    if (jobs.length > 0) setImmediate(serveOne);
    // the SVG is built now; resvg draws it on a pool thread while the next job is served
    renderFigureAsync(job).then(
      (spec) => answer({ seq, spec }),
      (e: unknown) => answer({ seq, error: serializeError(e) }),
    );
  };
  parentPort!.on('message', (m: { seq: number; job: FigureJob }) => {
    if (jobs.push(m) === 1) setImmediate(serveOne);
  });
}
