/**
 * The fit panel's figures (Vega-Lite through vega-embed, export menu as in plots.ts): the best
 * and the average loss per generation (log scale), and the best individual's trace overlaid on
 * the target. Embedded at their first data, then updated in place.
 */
import embed, { type Result } from 'vega-embed';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const ACTIONS = { export: { svg: true, png: true }, source: false, compiled: false, editor: false };
/** Points per series drawn of a trace (every k-th sample: enough for a 520 px wide figure, cheap to redraw during a fit). */
const MAX_POINTS = 600;
/** Least time between two redraws during a fit (ms). */
const REDRAW_MS = 400;

/** A row of the loss figure. */
export interface LossRow {
  gen: number;
  loss: number;
  series: 'best' | 'average';
}

/**
 * The loss figure's spec (named dataset `loss`).
 *
 * @example
 * ```ts
 * lossSpec().encoding; // x: gen, y: loss (log), color: series
 * ```
 */
export function lossSpec(): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    width: 520,
    height: 170,
    padding: 8,
    data: { name: 'loss' },
    mark: { type: 'line', strokeWidth: 1.3 },
    encoding: {
      x: { field: 'gen', type: 'quantitative', title: 'generation', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'loss', type: 'quantitative', title: 'loss (RMSE)', scale: { type: 'log' }, axis: { format: '.0e' } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['best', 'average'], range: ['#1f77b4', '#ff7f0e'] } },
    },
  };
}

/**
 * The overlay figure's spec (named dataset `fit`): target and best trace.
 *
 * @example
 * ```ts
 * overlaySpec('v');
 * ```
 */
export function overlaySpec(record: string): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    width: 520,
    height: 200,
    padding: 8,
    data: { name: 'fit' },
    mark: { type: 'line', strokeWidth: 1.1, clip: true },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'time [ms]', scale: { zero: false, nice: false } },
      y: { field: 'value', type: 'quantitative', title: record, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['target', 'best fit'], range: ['#444', '#d62728'] } },
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: ['target', 'best fit'], range: [[1, 0], [5, 3]] } },
    },
  };
}

/**
 * Rows of one series of the overlay, every k-th point so at most {@link MAX_POINTS} are drawn.
 *
 * @example
 * ```ts
 * seriesRows((j) => j * 0.1, Float64Array.of(-65, -64), 'best fit');
 * ```
 */
export function seriesRows(time: (j: number) => number, value: ArrayLike<number>, series: string): { t: number; value: number; series: string }[] {
  const k = Math.max(1, Math.ceil(value.length / MAX_POINTS));
  const rows: { t: number; value: number; series: string }[] = [];
  for (let j = 0; j < value.length; j += k) if (Number.isFinite(value[j]!)) rows.push({ t: time(j), value: value[j]!, series });
  return rows;
}

/**
 * The two figures of a fit: `reset` for a new fit, `generation` per generation.
 *
 * @example
 * ```ts
 * const p = new FitPlots({ loss: lossDiv, overlay: overlayDiv });
 * p.reset('v', targetRows); await p.generation(0, 1.2, 3.4, bestRows);
 * ```
 */
export class FitPlots {
  private views: { loss?: Result; overlay?: Result } = {};
  private lossRows: LossRow[] = [];
  private targetRows: { t: number; value: number; series: string }[] = [];
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private pendingBest: { t: number; value: number; series: string }[] | undefined;
  private overlayRecord: string | undefined;

  constructor(private readonly el: { loss: HTMLElement; overlay: HTMLElement }) {}

  /** The embedded views (tests). */
  get results(): { loss?: Result; overlay?: Result } {
    return this.views;
  }

  /**
   * A new fit: the overlay shows the target alone, the loss figure hides until the first
   * generation. The views are kept from fit to fit (embedding one costs more than a redraw); the
   * overlay is embedded anew only when the plotted variable (its axis title) changed.
   */
  reset(record: string, targetRows: { t: number; value: number; series: string }[]): Promise<void> {
    this.lossRows = [];
    this.pendingBest = undefined;
    this.targetRows = targetRows;
    return this.enqueue(async () => {
      this.el.loss.hidden = true;
      if (this.views.overlay && this.overlayRecord === record) {
        await this.views.overlay.view.data('fit', targetRows).runAsync();
        return;
      }
      this.views.overlay?.finalize();
      this.el.overlay.replaceChildren();
      this.overlayRecord = record;
      this.views.overlay = await embed(this.el.overlay, { ...overlaySpec(record), data: { name: 'fit', values: targetRows } } as never, { renderer: 'svg', actions: ACTIONS });
    });
  }

  /**
   * One generation: its best (so far) and average loss; the best trace when it changed. Drawn at
   * most every {@link REDRAW_MS} (generations of small models come faster than SVG redraws).
   */
  generation(gen: number, best: number, avg: number, bestRows?: { t: number; value: number; series: string }[]): Promise<void> {
    // a log scale shows positive finite losses only (a diverging individual's loss is Infinity)
    if (best > 0 && Number.isFinite(best)) this.lossRows.push({ gen, loss: best, series: 'best' });
    if (avg > 0 && Number.isFinite(avg)) this.lossRows.push({ gen, loss: avg, series: 'average' });
    if (bestRows) this.pendingBest = bestRows;
    if (this.scheduled) return this.chain;
    this.scheduled = true;
    return this.enqueue(async () => {
      await new Promise((r) => setTimeout(r, REDRAW_MS));
      this.scheduled = false;
      const rows = this.lossRows.slice();
      const bestNow = this.pendingBest;
      this.pendingBest = undefined;
      if (rows.length > 0) {
        if (!this.views.loss) this.views.loss = await embed(this.el.loss, { ...lossSpec(), data: { name: 'loss', values: rows } } as never, { renderer: 'svg', actions: ACTIONS });
        else await this.views.loss.view.data('loss', rows).runAsync();
        this.el.loss.hidden = false;
      }
      if (bestNow && this.views.overlay) await this.views.overlay.view.data('fit', [...this.targetRows, ...bestNow]).runAsync();
    });
  }

  /** Resolves when every queued update is drawn. */
  drawn(): Promise<void> {
    return this.chain;
  }

  private enqueue(f: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(f);
    return this.chain;
  }
}
