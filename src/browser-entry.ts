/**
 * compneuro-rx for pages (`compneuro-rx/browser`): everything but writing figure files, plus live
 * plots drawn with vega-embed. Plots are built as Vega-Lite specs (`buildPlotSpec`) and rendered
 * with vega-embed (`livePlot`). Bundle it with esbuild or any bundler; it imports no Node module.
 *
 * @example
 * ```ts
 * import { simulate$, livePlot } from 'compneuro-rx/browser';
 * livePlot(document.getElementById('plot')!, simulate$(1000), { variables: 'HH_Bischop;v' });
 * ```
 * @packageDocumentation
 */
import './browser-modules.js';

export * from './browser.js';

// live plots (vega-embed) for running simulations: DOM types, so only in this entry
export { livePlot, liveSamples, liveSpec, LIVE_DATASET } from './plot/live-plot.js';
export type { LivePlot, LivePlotOptions, LivePlotSource, LivePlotStatus, LiveSample, LiveSamplesOptions } from './plot/live-plot.js';

// CompNeuroPy's InteractivePlot (sliders + Vega-Lite plots): DOM types, so only in this entry
export { InteractivePlot, type InteractivePlotOptions, type InteractiveSlider } from './plot/interactive-plot.js';
export { liveRaster, liveRasterSpec, type LiveRasterOptions } from './plot/live-raster.js';
export type { LiveMonitorsSource } from './plot/live-plot.js';

// setup({ numThreads }) in a cross-origin-isolated page: Web Workers, started before compile()
export { startKernelThreads } from './web/web-worker-threads.js';
