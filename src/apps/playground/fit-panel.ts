/**
 * The playground's fit panel: choose parameters of the editor's model with bounds (defaults: the
 * range of each parameter's slider), a target (a CSV trace or another model of the library), the
 * generations and the seed; start a DeapCma fit in the fit worker, watch the loss and the best
 * trace per generation, stop it (the worker unsubscribes), apply the best parameters to the
 * sliders. The settings live in the page state (`state.fit`) once a parameter and a target are
 * chosen, so the URL and the exported script carry them.
 */
import { parseTraceCsv } from '../../fit/trace-csv.js';
import type { ModelInfo } from './experiment-run.js';
import { MAX_CSV_CHARS, type FitParameter, type FitState, type FitTarget } from './fit-state.js';
import type { FromFitWorker, ToFitWorker } from './fit-messages.js';
import { FitPlots, seriesRows } from './fit-plots.js';
import { option, sliderRange } from './controls.js';
import type { PlaygroundState } from './state.js';

/** What the panel needs of the page. */
export interface FitPanelHost {
  /** The page state (read when a fit starts; `fit` written when the settings change). */
  state(): PlaygroundState;
  /** Models the target may be. */
  models: readonly string[];
  /** The attribute the page's protocol drives (not fittable). */
  drivenAttribute(): string | undefined;
  /** Settings changed: save the URL. */
  changed(): void;
  /** "Apply best parameters": set these values as the page's parameters. */
  apply(values: Record<string, number>): void;
}

/** One generation as the page received it (tests read them). */
export interface FitGenerationView {
  gen: number;
  min: number;
  avg: number;
  best: number[];
  bestFitness: number;
}

const el = <T extends HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`playground: element #${id} is missing`);
  return e as T;
};

/**
 * The fit panel (see the module comment); built on the page's `#fit-*` elements.
 *
 * @example
 * ```ts
 * const panel = new FitPanel(host); panel.modelChanged(info);
 * ```
 */
export class FitPanel {
  private readonly ui = {
    kind: el<HTMLSelectElement>('fit-target-kind'),
    csvLabel: el('fit-csv-label'),
    csv: el<HTMLInputElement>('fit-csv'),
    csvName: el('fit-csv-name'),
    modelLabel: el('fit-model-label'),
    model: el<HTMLSelectElement>('fit-model'),
    gens: el<HTMLInputElement>('fit-gens'),
    seed: el<HTMLInputElement>('fit-seed'),
    params: el('fit-params'),
    start: el<HTMLButtonElement>('fit-start'),
    stop: el<HTMLButtonElement>('fit-stop'),
    apply: el<HTMLButtonElement>('fit-apply'),
    status: el('fit-status'),
    error: el('fit-error'),
  };
  private readonly worker = new Worker('fit-worker.js');
  readonly plots = new FitPlots({ loss: el('fit-loss'), overlay: el('fit-overlay') });
  /** The panel's settings, complete or not (state.fit is set only when complete). */
  private params = new Map<string, FitParameter>();
  private csv: { file: string; csv: string } | undefined;
  private info: ModelInfo | undefined;
  private fitId = 0;
  private running = false;
  private periodMs = 1;
  /** Generations of the current (or last) fit. */
  readonly generations: FitGenerationView[] = [];
  /** Best parameters of the last fit (by name). */
  best: Record<string, number> | undefined;
  bestFitness: number | undefined;

  constructor(private readonly host: FitPanelHost) {
    const saved = host.state().fit;
    this.ui.model.replaceChildren(...host.models.map((m) => option(m)));
    this.ui.gens.value = String(saved?.generations ?? 30);
    this.ui.seed.value = String(saved?.seed ?? 1);
    if (saved) {
      for (const p of saved.params) this.params.set(p.name, { ...p });
      if (saved.target.kind === 'csv') this.csv = { file: saved.target.file, csv: saved.target.csv };
      else {
        if (!host.models.includes(saved.target.name)) this.ui.model.append(option(saved.target.name));
        this.ui.model.value = saved.target.name;
      }
      this.ui.kind.value = saved.target.kind;
    }
    this.showTargetKind();
    this.ui.kind.addEventListener('change', () => {
      this.showTargetKind();
      this.sync();
    });
    this.ui.model.addEventListener('change', () => this.sync());
    this.ui.csv.addEventListener('change', () => void this.loadCsv());
    for (const [input, min] of [[this.ui.gens, 1], [this.ui.seed, 0]] as const) {
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (!Number.isInteger(v) || v < min || v > (input === this.ui.gens ? 10_000 : 2 ** 32 - 1)) {
          this.ui.error.textContent = `fit: ${input === this.ui.gens ? 'generations' : 'seed'} must be an integer${input === this.ui.gens ? ' from 1 to 10000' : ' from 0 to 2^32 - 1'}, got ${JSON.stringify(input.value)}`;
          input.value = String(input === this.ui.gens ? this.settingsGens() : this.settingsSeed());
          return;
        }
        this.ui.error.textContent = '';
        this.sync();
      });
    }
    this.ui.start.addEventListener('click', () => this.start());
    this.ui.stop.addEventListener('click', () => this.stop());
    this.ui.apply.addEventListener('click', () => {
      if (this.best) this.host.apply({ ...this.best });
    });
    this.worker.onmessage = (e: MessageEvent<FromFitWorker>) => this.received(e.data);
    this.worker.onerror = (e) => this.failed(`fit worker: ${e.message}`);
    this.setStatus('idle', '');
  }

  private settingsGens(): number {
    return this.host.state().fit?.generations ?? 30;
  }

  private settingsSeed(): number {
    return this.host.state().fit?.seed ?? 1;
  }

  private showTargetKind(): void {
    const csv = this.ui.kind.value === 'csv';
    this.ui.csvLabel.hidden = !csv;
    this.ui.modelLabel.hidden = csv;
    this.ui.csvName.textContent = this.csv ? `loaded: ${this.csv.file}` : 'no file loaded';
  }

  private async loadCsv(): Promise<void> {
    const f = this.ui.csv.files?.[0];
    if (!f) return;
    const text = await f.text();
    try {
      if (text.length > MAX_CSV_CHARS) throw new Error(`${f.name}: ${text.length} characters; the page keeps at most ${MAX_CSV_CHARS} (it travels in the link): resample the trace`);
      const t = parseTraceCsv(text, { file: f.name });
      this.csv = { file: f.name, csv: text };
      this.ui.error.textContent = '';
      this.ui.csvName.textContent = `loaded: ${f.name} (${t.time.length} samples, ${t.time[0]} to ${t.time[t.time.length - 1]} ms)`;
      this.sync();
    } catch (e) {
      // the previous target stays
      this.ui.error.textContent = `fit: ${e instanceof Error ? e.message : String(e)}`;
      this.ui.csv.value = '';
    }
  }

  /** The settings when complete (a parameter and a target), else undefined. */
  private settings(): FitState | undefined {
    const params = [...this.params.values()].filter((p) => this.info?.parameters.some((q) => q.name === p.name) ?? true);
    let target: FitTarget | undefined;
    if (this.ui.kind.value === 'csv') target = this.csv ? { kind: 'csv', ...this.csv } : undefined;
    else target = this.ui.model.value ? { kind: 'model', name: this.ui.model.value } : undefined;
    if (params.length === 0 || !target) return undefined;
    return { params, target, generations: Number(this.ui.gens.value), seed: Number(this.ui.seed.value) };
  }

  /** Write the settings into the page state. */
  private sync(): void {
    const s = this.host.state();
    const f = this.settings();
    if (f) s.fit = f;
    else delete s.fit;
    this.host.changed();
  }

  /** The editor's model changed (or the protocol): rebuild the parameter rows. */
  modelChanged(info: ModelInfo): void {
    this.info = info;
    const driven = this.host.drivenAttribute();
    const cells: HTMLElement[] = [];
    for (const h of ['fit', 'lower', 'upper']) {
      const b = document.createElement('b');
      b.textContent = h;
      cells.push(b);
    }
    const values = this.host.state().params;
    for (const p of info.parameters) {
      const chosen = this.params.get(p.name);
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.fitParam = p.name;
      box.checked = chosen !== undefined && p.name !== driven;
      box.disabled = p.name === driven;
      if (box.disabled) label.title = `${p.name} is driven by the protocol`;
      label.append(box, ` ${p.name}`);
      // the bounds default to the range of the parameter's slider
      const [lo, hi] = sliderRange(p.value);
      const v = values[p.name] ?? p.value;
      const bound = (which: 'lower' | 'upper', dflt: number): HTMLInputElement => {
        const input = document.createElement('input');
        input.type = 'number';
        input.step = 'any';
        input.dataset[which === 'lower' ? 'fitLower' : 'fitUpper'] = p.name;
        input.value = String(chosen?.[which] ?? dflt);
        input.addEventListener('change', () => {
          const lower = Number(lowerIn.value);
          const upper = Number(upperIn.value);
          if (lowerIn.value.trim() === '' || upperIn.value.trim() === '' || !Number.isFinite(lower) || !Number.isFinite(upper) || !(lower < upper)) {
            this.ui.error.textContent = `fit: bounds of "${p.name}" must be finite numbers with lower < upper, got [${lowerIn.value}, ${upperIn.value}]`;
            const kept = this.params.get(p.name);
            lowerIn.value = String(kept?.lower ?? Math.min(lo, v));
            upperIn.value = String(kept?.upper ?? Math.max(hi, v));
            return;
          }
          this.ui.error.textContent = '';
          if (box.checked) {
            this.params.set(p.name, { name: p.name, lower, upper });
            this.sync();
          }
        });
        return input;
      };
      const lowerIn = bound('lower', Math.min(lo, v));
      const upperIn = bound('upper', Math.max(hi, v));
      box.addEventListener('change', () => {
        if (box.checked) this.params.set(p.name, { name: p.name, lower: Number(lowerIn.value), upper: Number(upperIn.value) });
        else this.params.delete(p.name);
        this.sync();
      });
      cells.push(label, lowerIn, upperIn);
    }
    this.ui.params.replaceChildren(...cells);
    for (const name of [...this.params.keys()]) if (name === driven || !info.parameters.some((q) => q.name === name)) this.params.delete(name);
    this.sync();
  }

  private setStatus(state: string, text: string): void {
    document.body.dataset.fit = state;
    this.ui.status.textContent = text;
    this.ui.start.disabled = this.running;
    this.ui.stop.disabled = !this.running;
    this.ui.apply.disabled = this.running || this.best === undefined;
  }

  /** Start a fit of the page state (errors shown in the panel). */
  start(): void {
    this.ui.error.textContent = '';
    const s = this.host.state();
    if (!s.fit) {
      this.ui.error.textContent = this.params.size === 0 ? 'fit: tick at least one parameter to fit' : this.ui.kind.value === 'csv' ? 'fit: load a CSV file (time [ms], value) to fit to' : 'fit: choose the target model';
      return;
    }
    this.generations.length = 0;
    this.best = undefined;
    this.bestFitness = undefined;
    this.running = true;
    this.runNames = s.fit.params.map((p) => p.name);
    this.runGenerations = s.fit.generations;
    const id = ++this.fitId;
    this.setStatus('starting', 'preparing the target…');
    this.send({ type: 'start', fitId: id, state: structuredClone(s) });
  }

  /** Stop the running fit (the worker unsubscribes from run$()). */
  stop(): void {
    if (this.running) this.send({ type: 'stop', fitId: this.fitId });
  }

  private send(m: ToFitWorker): void {
    this.worker.postMessage(m);
  }

  private failed(message: string): void {
    this.running = false;
    this.ui.error.textContent = message;
    this.setStatus('error', 'failed');
  }

  private received(m: FromFitWorker): void {
    if (m.fitId !== this.fitId) return; // a fit replaced since
    const s = this.host.state();
    switch (m.type) {
      case 'started':
        this.periodMs = m.periodMs;
        this.runNames = m.names;
        this.setStatus('running', 'generation 0 running…');
        void this.plots.reset(s.record, seriesRows((j) => m.targetTime[j]!, m.targetValue, 'target'));
        return;
      case 'generation': {
        this.generations.push({ gen: m.gen, min: m.min, avg: m.avg, best: m.best, bestFitness: m.bestFitness });
        this.best = Object.fromEntries(m.best.map((v, i) => [this.namesOf(i), v]));
        this.bestFitness = m.bestFitness;
        const bestRows = m.bestTrace ? seriesRows((j) => j * this.periodMs, m.bestTrace, 'best fit') : undefined;
        void this.plots.generation(m.gen, m.bestFitness, m.avg, bestRows);
        this.setStatus('running', `generation ${m.gen + 1} of ${this.runGenerations} done, best loss ${m.bestFitness.toPrecision(4)}`);
        return;
      }
      case 'done':
        this.running = false;
        void this.plots.drawn().then(() =>
          this.setStatus(m.stopped ? 'stopped' : 'finished', `${m.stopped ? 'stopped after' : 'finished:'} ${m.generations} generations in ${(m.wallMs / 1000).toFixed(1)} s${m.bestFitness !== undefined ? `, best loss ${m.bestFitness.toPrecision(4)}` : ''}`),
        );
        return;
      case 'error':
        this.failed(`fit: ${m.message}`);
        return;
    }
  }

  private runNames: string[] = [];
  private runGenerations = 0;

  private namesOf(i: number): string {
    return this.runNames[i] ?? `param${i}`;
  }
}
