import { map, type Observable } from 'rxjs';
import type { SpikeEvent } from '../monitors/sample-stream.js';
import { embedLive, LIVE_DATASET, type LivePlot, type LivePlotStatus } from './live-plot.js';

/**
 * Options of {@link liveRaster}.
 *
 * @example
 * ```ts
 * const o: LiveRasterOptions = { window: 500, height: 150, title: 'spikes' };
 * ```
 */
export interface LiveRasterOptions {
  /** Width of the sliding window in ms of simulated time (default 100). */
  window?: number;
  /** Plot size in CSS pixels (default 600 x 200). */
  width?: number;
  height?: number;
  title?: string;
  /** Called after each redraw (at most once per animation frame). */
  onUpdate?: (status: LivePlotStatus) => void;
}

/**
 * The Vega-Lite spec of a live spike raster: one tick per spike at (t, rank), a color per
 * population, over the dataset {@link LIVE_DATASET} (`value` is the rank, `series` the population).
 *
 * @example
 * ```ts
 * liveRasterSpec({ height: 120 }).mark; // { type: 'tick', ... }
 * ```
 */
export function liveRasterSpec(options: LiveRasterOptions = {}): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width ?? 600,
    height: options.height ?? 200,
    ...(options.title !== undefined ? { title: options.title } : {}),
    data: { name: LIVE_DATASET },
    mark: { type: 'tick', orient: 'vertical', size: 10, thickness: 1.5, clip: true },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'time [ms]', scale: { zero: false, nice: false } },
      y: { field: 'value', type: 'quantitative', title: 'neuron rank', scale: { zero: true, nice: false, padding: 8 } },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

/**
 * A live spike raster in `element`, fed by a `spikes$` stream (`CompNeuroMonitors.spikes$()` or
 * `Monitor.spikes$()`): every spike event is a tick at its time and rank, colored by population,
 * in a window of the last `window` ms, redrawn at most once per animation frame. Stops when the
 * stream ends or {@link LivePlot.stop} is called; `status.inserted` counts the spikes plotted.
 *
 * @example
 * ```ts
 * const raster = liveRaster(document.getElementById('raster')!, mon.spikes$(), { window: 500 });
 * simulate$(1000, { scheduler: animationFrameScheduler, chunk: 200 }).subscribe();
 * ```
 */
export function liveRaster(element: HTMLElement, spikes$: Observable<readonly SpikeEvent[]>, options: LiveRasterOptions = {}): LivePlot {
  if (element === null || typeof element !== 'object') throw new Error('liveRaster: element must be a DOM element to embed the raster in');
  if (options === null || typeof options !== 'object') throw new Error('liveRaster: options must be an object');
  const windowMs = options.window ?? 100;
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0) throw new Error(`liveRaster: window (ms) must be a positive number, got ${String(options.window)}`);
  const samples = spikes$.pipe(map((events) => events.map((e) => ({ t: e.t, values: { [e.population]: e.rank } }))));
  return embedLive(element, 'raster', () => liveRasterSpec(options), samples, windowMs, options.onUpdate);
}
