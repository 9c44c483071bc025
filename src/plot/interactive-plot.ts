/**
 * CompNeuroPy's `InteractivePlot` as a browser page: sliders above a grid of Vega-Lite plots,
 * redrawn a while after the last slider change, with an optional update loop in between.
 * DOM code: exported from the browser entry (`compneuro-rx/browser`) only.
 * @packageDocumentation
 */
import embed from 'vega-embed';
import type { VegaLiteSpec } from './vega-lite-spec.js';

/** A slider (CompNeuroPy's slider dict: `label`, `valmin`, `valmax`, `valinit`, `valstep`). */
export interface InteractiveSlider {
  label: string;
  valmin: number;
  valmax: number;
  /** Start value (default valmin). */
  valinit?: number;
  /** Step (default (valmax - valmin) / 100). */
  valstep?: number;
}

/** Options of {@link InteractivePlot} (CompNeuroPy's arguments in camelCase). */
export interface InteractivePlotOptions {
  nrows: number;
  ncols: number;
  sliders: InteractiveSlider[];
  /**
   * Draws the figure for the current slider values: one Vega-Lite spec per subplot (row-major,
   * at most nrows * ncols; `null` leaves a cell empty). CompNeuroPy's `create_plot(axs, sliders)`.
   */
  createPlot: (sliders: Record<string, number>) => (VegaLiteSpec | null)[];
  /** Called repeatedly while idle (CompNeuroPy's `update_loop`), at most `updateFrequency` times a second. */
  updateLoop?: () => void;
  /** Redraws per second at most while sliders move (default 20). */
  figureFrequency?: number;
  /** Update-loop calls per second (default Infinity: once per animation frame). */
  updateFrequency?: number;
  /** Delay after the last slider change before redrawing, ms (CompNeuroPy waits 2 s). */
  redrawDelay?: number;
}

/**
 * Sliders and plots in `element`; moving a slider redraws the plots with `createPlot` once the
 * slider has rested for `redrawDelay` ms (default 2000, as CompNeuroPy's waiter), never more
 * often than `figureFrequency`. `stop()` ends the update loop and removes the listeners.
 *
 * @example
 * ```ts
 * const ip = new InteractivePlot(document.body, {
 *   nrows: 1, ncols: 1,
 *   sliders: [{ label: 'a', valmin: 0, valmax: 2, valinit: 1 }],
 *   createPlot: ({ a }) => [{ mark: 'line', data: { values: [0, 1, 2].map((x) => ({ x, y: a * x })) },
 *     encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } }],
 * });
 * ```
 */
export class InteractivePlot {
  /** The current slider values by label. */
  readonly values: Record<string, number> = {};
  /** Number of completed redraws. */
  redraws = 0;
  /** The Vega view of each subplot after the last redraw (undefined for empty cells). */
  readonly views: (Awaited<ReturnType<typeof embed>>['view'] | undefined)[] = [];
  private readonly cells: HTMLElement[] = [];
  private readonly inputs: HTMLInputElement[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loopTimer: ReturnType<typeof setTimeout> | undefined;
  private lastDraw = 0;
  private stopped = false;
  private drawing: Promise<void> = Promise.resolve();

  constructor(readonly element: HTMLElement, readonly options: InteractivePlotOptions) {
    const { nrows, ncols, sliders } = options;
    if (!Number.isInteger(nrows) || !Number.isInteger(ncols) || nrows < 1 || ncols < 1) {
      throw new Error(`InteractivePlot: nrows and ncols must be positive integers, got ${nrows} x ${ncols}`);
    }
    if (typeof options.createPlot !== 'function') throw new Error('InteractivePlot: createPlot must be a function of the slider values');
    const doc = element.ownerDocument;
    const controls = doc.createElement('div');
    controls.className = 'interactive-plot-sliders';
    for (const s of sliders) {
      if (typeof s.label !== 'string' || !(s.valmax > s.valmin)) {
        throw new Error(`InteractivePlot: slider ${JSON.stringify(s.label)} needs a label and valmin < valmax`);
      }
      const init = s.valinit ?? s.valmin;
      if (init < s.valmin || init > s.valmax) throw new Error(`InteractivePlot: slider "${s.label}" valinit ${init} is outside [${s.valmin}, ${s.valmax}]`);
      this.values[s.label] = init;
      const label = doc.createElement('label');
      label.textContent = `${s.label} `;
      const input = doc.createElement('input');
      Object.assign(input, { type: 'range', min: String(s.valmin), max: String(s.valmax), step: String(s.valstep ?? (s.valmax - s.valmin) / 100), value: String(init) });
      input.name = s.label;
      const shown = doc.createElement('output');
      shown.textContent = String(init);
      input.addEventListener('input', () => {
        this.values[s.label] = Number(input.value);
        shown.textContent = input.value;
        this.scheduleRedraw();
      });
      label.append(input, shown);
      controls.append(label);
      this.inputs.push(input);
    }
    const grid = doc.createElement('div');
    grid.className = 'interactive-plot-grid';
    grid.style.display = 'grid';
    grid.style.gridTemplateColumns = `repeat(${ncols}, auto)`;
    for (let i = 0; i < nrows * ncols; i++) {
      const cell = doc.createElement('div');
      grid.append(cell);
      this.cells.push(cell);
    }
    element.append(controls, grid);
    this.redraw();
    if (options.updateLoop) this.loop();
  }

  /** Sets a slider as a user would (the redraw follows after `redrawDelay`). */
  setSlider(label: string, value: number): void {
    const input = this.inputs.find((i) => i.name === label);
    if (!input) throw new Error(`InteractivePlot: no slider "${label}" (sliders: ${this.inputs.map((i) => i.name).join(', ')})`);
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
  }

  /** Resolves when the redraw in progress (if any) is done. */
  whenDrawn(): Promise<void> {
    return this.drawing;
  }

  /** Stops the update loop and pending redraws. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.loopTimer);
  }

  private scheduleRedraw(): void {
    clearTimeout(this.timer);
    const minGap = 1000 / (this.options.figureFrequency ?? 20);
    const wait = Math.max(this.options.redrawDelay ?? 2000, this.lastDraw + minGap - Date.now());
    this.timer = setTimeout(() => this.redraw(), wait);
  }

  private redraw(): void {
    if (this.stopped) return;
    const specs = this.options.createPlot({ ...this.values });
    if (!Array.isArray(specs) || specs.length > this.cells.length) {
      throw new Error(`InteractivePlot: createPlot must return at most ${this.cells.length} specs (one per subplot), got ${Array.isArray(specs) ? specs.length : typeof specs}`);
    }
    this.lastDraw = Date.now();
    this.drawing = this.drawing.then(async () => {
      await Promise.all(this.cells.map(async (cell, i) => {
        const spec = specs[i];
        this.views[i]?.finalize();
        if (!spec) {
          cell.replaceChildren();
          this.views[i] = undefined;
          return;
        }
        this.views[i] = (await embed(cell, spec as never, { renderer: 'canvas', actions: false })).view;
      }));
      this.redraws++;
    });
  }

  private loop(): void {
    if (this.stopped) return;
    this.options.updateLoop!();
    const f = this.options.updateFrequency ?? Infinity;
    this.loopTimer = setTimeout(() => this.loop(), Number.isFinite(f) && f > 0 ? 1000 / f : 16);
  }
}
