/**
 * CompNeuroPy's `VClampParamSearch` (extra_functions.py, 1.0.4): finds the parameters of some
 * neuron equations (default: Izhikevich 2007) from voltage-clamp "currents" of a given neuron
 * model. A population of m x n clamped neurons is held at v_0 and stepped to v_step; the
 * `v_clamp` right after the step and after holding v_step is fitted with `DeapCma` by the
 * `v_clamp_inst` / `v_clamp_hold` the equations predict. `v_r` is the model's resting potential.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { getPopulation, setup, simulate } from '../engine/global-functions.js';
import { Population } from '../engine/population.js';
import { NumpyRandomState } from '../engine/random/numpy-legacy.js';
import { Neuron } from '../language/neuron.js';
import { CompNeuroModel, cnpClear } from '../experiment/comp-neuro-model.js';
import { rmse } from '../analysis/rmse.js';
import type { ProgressOption } from '../engine/progress.js';
import type { CmaStrategyParams } from './cma-strategy.js';
import { DeapCma } from './deap-cma.js';
import { writeFitFigure } from './figure-writer.js';
import { VClampFunctions, clampNeuron } from './v-clamp-equations.js';
import type { VegaLiteSpec } from '../plot/vega-lite-spec.js';

const WHO = 'VClampParamSearch';

/** Options of {@link VClampParamSearch} (CompNeuroPy's keyword arguments in camelCase). */
export interface VClampParamSearchOptions {
  /** The neuron model simulated to obtain the currents (one `dv/dt` or `v +=` line). */
  neuronModel: Neuron;
  /** The equations whose parameters are searched; default Izhikevich 2007. */
  equations?: string;
  /** [lower, upper] per parameter of the equations; default Izhikevich 2007's. */
  bounds?: Record<string, readonly [number, number]>;
  /** Initial guesses: a number or a list per parameter (lists of one length: one run per entry); default the middle of the bounds. */
  p0?: Record<string, number | readonly number[]>;
  /** Generations of each DeapCma run; default 100. */
  maxEvals?: number;
  /** Number of initial voltages v_0 (linspace(-90, -40, m)); default 20. */
  m?: number;
  /** Number of voltage steps v_step (linspace(-90, -40, n)); default 20. */
  n?: number;
  doPlot?: boolean;
  /** Without file ending; default "v_clamp_search_results". */
  resultsFile?: string;
  /** With file ending; default "v_clamp_search_plot.png" (logbooks: `<name>_logbook_<i>.<ext>`). */
  plotFile?: string;
  /** deap.cma.Strategy parameters plus `learn_rate_factor` and `damping_factor` (default 1 each). */
  cmaParamsDict?: CmaStrategyParams & { learn_rate_factor?: number; damping_factor?: number };
  /** Accepted for compatibility: nothing is compiled to a folder. */
  compileFolderName?: string;
  verbose?: boolean;
  /** Seed of the numpy legacy generator of the CMA samples (numpy's global state in Python). */
  seed?: number;
  /** Progress of each DeapCma run (default false here: CompNeuroPy's DeapCma default shows a bar). */
  displayProgressBar?: ProgressOption;
}

const IZHIKEVICH_2007 = `
        C*dv/dt = k*(v - v_r)*(v - v_t) - u
        du/dt = a*(b*(v - v_r) - u)
        `;
const IZHIKEVICH_BOUNDS: Record<string, readonly [number, number]> = {
  C: [0.1, 100],
  v_r: [-90, -40],
  v_t: [-90, -40],
  k: [0.01, 1],
  a: [0.01, 1],
  b: [-5, 5],
};

/** numpy.linspace(a, b, n). */
function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  const step = (b - a) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + i * step));
}

/** What the clamp simulations give (CompNeuroPy `_simulations`). */
export interface ClampData {
  /** Resting potential of the unclamped model after the holding period. */
  vRest: number;
  /** Clamp current one dt after the jump from v_0 to v_step, one per (v_0, v_step) pair. */
  inst: Float64Array;
  /** Clamp current held at v_step at the end of the run, one per pair. */
  hold: Float64Array;
  /** The distinct step potentials. */
  vStepUnique: number[];
  /** The held current at each distinct step potential (numpy's `unique`, first index). */
  holdUnique: number[];
}

/**
 * Searches the parameters of `equations` that reproduce the voltage-clamp currents of
 * `neuronModel` (CompNeuroPy `VClampParamSearch`). Everything runs in the constructor, as in
 * CompNeuroPy; `pOpt` holds the parameters (null for those the currents do not depend on),
 * `best_fitness` (the RMSE) and `v_r`, also saved to `<resultsFile>.json`.
 *
 * @example
 * ```ts
 * const search = new VClampParamSearch({ neuronModel: Izhikevich2007, maxEvals: 100 });
 * search.pOpt;   // { C, v_r, v_t, k, a: null, b, best_fitness }
 * ```
 */
export class VClampParamSearch {
  readonly neuronModel: Neuron;
  readonly equations: string;
  readonly bounds: Record<string, readonly [number, number]>;
  readonly m: number;
  readonly n: number;
  readonly maxEvals: number;
  /** The optimised parameters by bounds name, `best_fitness` and `v_r` (CompNeuroPy's `p_opt`). */
  readonly pOpt: Record<string, number | null>;
  /** The tuned parameters' names (those the clamp currents depend on, v_r excluded). */
  readonly tunedParameters: string[];
  /** v_0 and v_step of the clamped neurons (np.repeat / np.tile of the linspaces). */
  readonly v0: number[];
  readonly vStep: number[];
  /** The data of the given model, and of the equations with the tuned parameters. */
  readonly original: ClampData;
  readonly tuned: ClampData;
  private readonly f: VClampFunctions;

  constructor(options: VClampParamSearchOptions) {
    if (!options || typeof options !== 'object') throw new Error(`${WHO}: expected an options object { neuronModel, ... }`);
    const known = ['neuronModel', 'equations', 'bounds', 'p0', 'maxEvals', 'm', 'n', 'doPlot', 'resultsFile', 'plotFile', 'cmaParamsDict', 'compileFolderName', 'verbose', 'seed', 'displayProgressBar'];
    for (const k of Object.keys(options)) if (!known.includes(k)) throw new Error(`${WHO}: unknown option "${k}"; expected ${known.join(', ')}`);
    if (!(options.neuronModel instanceof Neuron)) throw new Error(`${WHO}: neuronModel must be a Neuron`);
    const {
      equations = IZHIKEVICH_2007, bounds = IZHIKEVICH_BOUNDS, maxEvals = 100, m = 20, n = 20, doPlot = false,
      resultsFile = 'v_clamp_search_results', plotFile = 'v_clamp_search_plot.png', verbose = false,
    } = options;
    const cma = { learn_rate_factor: 1, damping_factor: 1, ...(options.cmaParamsDict ?? {}) };
    for (const [k, v] of [['m', m], ['n', n], ['maxEvals', maxEvals]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`${WHO}: ${k} must be a positive integer, got ${String(v)}`);
    }
    for (const [name, b] of Object.entries(bounds)) {
      if (!Array.isArray(b) || b.length !== 2 || !(b[0] <= b[1])) throw new Error(`${WHO}: bounds of "${name}" must be [lower, upper] with lower <= upper, got ${JSON.stringify(b)}`);
    }
    // CompNeuroPy: results_file without, plot_file with a file ending
    if (resultsFile.includes('.') || !plotFile.includes('.')) throw new Error(`${WHO}: results_file should not contain file ending and plot_file should! (got "${resultsFile}", "${plotFile}")`);
    this.neuronModel = options.neuronModel;
    this.equations = equations;
    this.bounds = bounds;
    this.m = m;
    this.n = n;
    this.maxEvals = maxEvals;
    const p0 = VClampParamSearch.checkP0(options.p0);
    const log = verbose ? (...a: unknown[]) => console.log(...a) : () => {};

    this.f = new VClampFunctions(equations);
    const missing = this.f.parameters.filter((p) => !(p in bounds) && p !== 'v_r');
    if (missing.length) throw new Error(`${WHO}: the equations use ${missing.map((p) => `"${p}"`).join(', ')} without bounds; give bounds for every parameter (v_r is the resting potential)`);
    const v0u = linspace(-90, -40, m);
    const vsu = linspace(-90, -40, n);
    this.v0 = v0u.flatMap((v) => new Array<number>(n).fill(v));
    this.vStep = v0u.flatMap(() => vsu);

    log('Creating models...');
    log('Performing simulations...');
    this.original = this.simulations(this.neuronModel, verbose);

    log('Tuning parameters...');
    // the tuned parameters: those v_clamp_inst / v_clamp_hold depend on (sympy's free symbols)
    const mid = Object.fromEntries(Object.entries(bounds).map(([k, [lo, hi]]) => [k, (lo + hi) / 2]));
    this.tunedParameters = this.f.parameters.filter((p) => p !== 'v_r' && this.dependsOn({ ...mid, v_r: this.original.vRest }, p));
    const names = this.tunedParameters;
    for (const name of names) if (p0 && !(name in p0)) throw new Error(`${WHO}: p0 has no initial guess for "${name}"`);
    const runs = p0 ? Object.values(p0)[0]!.length : 1;
    const target = [...this.original.inst, ...this.original.holdUnique];
    const mid0 = this.v0[Math.trunc(this.v0.length / 2)]!;
    const error = (x: number[]) => {
      // parameters the currents do not depend on (sympy cancels them) stay at the middle of their bounds
      const params: Record<string, number> = { ...mid, v_r: this.original.vRest, v_0: mid0 };
      names.forEach((k, i) => (params[k] = x[i]!));
      return rmse(target, [...this.currents(params), ...this.original.vStepUnique.map((v) => this.f.hold(params, v))]);
    };
    const { learn_rate_factor: learnRateFactor, damping_factor: dampingFactor, ...cmaParamsDict } = cma;
    const rng = new NumpyRandomState(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    const [base, ext] = [plotFile.slice(0, plotFile.indexOf('.')), plotFile.slice(plotFile.lastIndexOf('.') + 1)];
    let best: { x: number[]; fitness: number } | undefined;
    const rows: Record<string, number>[] = [];
    for (let r = 0; r < runs; r++) {
      const deap = new DeapCma({
        maxEvals, lower: names.map((k) => bounds[k]![0]), upper: names.map((k) => bounds[k]![1]),
        evaluateFunction: (pop) => pop.map((x) => [error(x)] as [number]),
        p0: names.map((k) => (p0 ? p0[k]![r]! : mid[k]!)), paramNames: names, learnRateFactor, dampingFactor, verbose: false,
        cmaParamsDict, rng, displayProgressBar: options.displayProgressBar ?? false,
      });
      const result = this.runSync(deap, `${base}_logbook_${r}.${ext}`);
      const x = names.map((k) => result[k] as number);
      rows.push({ ...Object.fromEntries(names.map((k, i) => [k, x[i]!])), best_fitness: result.best_fitness as number });
      if (!best || (result.best_fitness as number) < best.fitness) best = { x, fitness: result.best_fitness as number };
    }
    const pFit: Record<string, number> = Object.fromEntries(names.map((k, i) => [k, best!.x[i]!]));
    pFit.best_fitness = best!.fitness;
    pFit.v_r = this.original.vRest;
    if (verbose) {
      console.log('Results:');
      console.table(rows);
      console.log('Result:', pFit);
    }
    this.pOpt = Object.fromEntries(Object.keys(bounds).map((k) => [k, pFit[k] ?? null]));
    this.pOpt.best_fitness = pFit.best_fitness!;
    log('Optimized parameters:', this.pOpt);
    // CompNeuroPy also pickles p_opt (save_variables); here the JSON is the saved file
    if (resultsFile.includes('/')) mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(`${resultsFile}.json`, JSON.stringify(this.pOpt, null, 4));

    // the equations with the tuned parameters (the others at the middle of their bounds) simulated again
    log('Running simulations with tuned parameters...');
    const parameters = Object.keys(bounds).map((k) => `${k} = ${pFit[k] ?? mid[k]}`).join('\n');
    this.tuned = this.simulations(new Neuron({ parameters, equations: `${equations}\nr=0` }), verbose);
    if (doPlot) {
      if (plotFile.includes('/')) mkdirSync(dirname(plotFile), { recursive: true });
      this.plotData(`${base}_data.${plotFile.slice(plotFile.indexOf('.') + 1)}`);
    }
  }

  /** CompNeuroPy `_get_p0`: every entry a list, all of one length. */
  private static checkP0(p0: VClampParamSearchOptions['p0']): Record<string, number[]> | undefined {
    if (p0 === undefined || p0 === null) return undefined;
    const lengths = new Set(Object.values(p0).filter(Array.isArray).map((v) => (v as readonly number[]).length));
    if (lengths.size > 1) throw new Error(`${WHO}: All lists in p0 should have the same length!`);
    const len = lengths.size ? [...lengths][0]! : 1;
    if (len === 0) throw new Error(`${WHO}: the lists in p0 are empty`);
    return Object.fromEntries(
      Object.entries(p0).map(([k, v]) => {
        const list = Array.isArray(v) ? [...(v as readonly number[])] : new Array<number>(len).fill(v as number);
        if (list.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error(`${WHO}: p0 of "${k}" must be numbers, got ${JSON.stringify(v)}`);
        return [k, list];
      }),
    );
  }

  /** v_clamp_inst of the equations for every (v_0, v_step) pair; the steady states at v_0 computed once each. */
  private currents(params: Record<string, number>): number[] {
    const steady = new Map<number, Float64Array>();
    return this.v0.map((v0, i) => {
      let s = steady.get(v0);
      if (!s) steady.set(v0, (s = this.f.steady(params, v0, 'holding v_0')));
      return this.f.instFrom(s, this.vStep[i]!);
    });
  }

  /** Whether v_clamp_inst or v_clamp_hold changes with parameter `name` (sympy: a free symbol of them). */
  private dependsOn(params: Record<string, number>, name: string): boolean {
    const [lo, hi] = this.bounds[name]!;
    const other = { ...params, [name]: params[name]! + 0.1 * (hi - lo || 1) };
    const a = [...this.currents(params), ...[-90, -65, -40].map((v) => this.f.hold(params, v))];
    const b = [...this.currents(other), ...[-90, -65, -40].map((v) => this.f.hold(other, v))];
    return a.some((x, i) => Math.abs(x - b[i]!) > 1e-9 * (1 + Math.abs(x)));
  }

  /** DeapCma.run() without awaiting: run$() completes synchronously with a synchronous evaluate function. */
  private runSync(deap: DeapCma, plotFile: string): Record<string, unknown> {
    let err: unknown;
    let done = false;
    deap.run$({ maxEvals: this.maxEvals }).subscribe({ error: (e: unknown) => (err = e), complete: () => (done = true) });
    if (err !== undefined) throw err;
    if (!done) throw new Error(`${WHO}: internal: the CMA-ES run did not finish synchronously`);
    return deap.result(plotFile) as unknown as Record<string, unknown>;
  }

  /** CompNeuroPy `_simulations`: rest the normal neuron, hold and step the clamped ones (dt 0.001 ms). */
  private simulations(neuron: Neuron, verbose: boolean): ClampData {
    const clamp = clampNeuron(neuron);
    if (verbose) console.log(`Neuron model with voltage clamp equations:\n${clamp.equations}`);
    cnpClear();
    setup({ dt: 0.001, seed: 1234 });
    const size = this.v0.length;
    new CompNeuroModel({ modelCreationFunction: () => void new Population(1, neuron, 'pop_normal'), name: 'model_normal', doCompile: false });
    new CompNeuroModel({ modelCreationFunction: () => void new Population(size, clamp, 'pop_clamp'), name: 'model_clamp' });
    const popClamp = getPopulation('pop_clamp');
    const popNormal = getPopulation('pop_normal');
    const duration = 200;
    const dt = 0.001;
    popClamp.set({ v: Float64Array.from(this.v0) });
    simulate(duration);
    popClamp.set({ v: Float64Array.from(this.vStep) });
    simulate(dt);
    const inst = Float64Array.from(popClamp.get('v_clamp') as Float64Array);
    simulate(duration - dt);
    const hold = Float64Array.from(popClamp.get('v_clamp') as Float64Array);
    const vRest = (popNormal.get('v') as Float64Array)[0]!;
    // np.unique(v_step, return_index=True): sorted values, first index of each
    const first = new Map<number, number>();
    this.vStep.forEach((v, i) => first.has(v) || first.set(v, i));
    const vStepUnique = [...first.keys()].sort((a, b) => a - b);
    return { vRest, inst, hold, vStepUnique, holdUnique: vStepUnique.map((v) => hold[first.get(v)!]!) };
  }

  /** The "_data" figure: v_clamp_inst / v_clamp_hold of the model, of the tuned equations and their difference over (v_0, v_step). */
  private plotData(file: string): void {
    const panels: [string, ArrayLike<number>][] = [
      ['v_clamp_inst original', this.original.inst],
      ['v_clamp_inst tuned', this.tuned.inst],
      ['v_clamp_inst diff', this.original.inst.map((v, i) => v - this.tuned.inst[i]!)],
      ['v_clamp_hold original', this.original.hold],
      ['v_clamp_hold tuned', this.tuned.hold],
      ['v_clamp_hold diff', this.original.hold.map((v, i) => v - this.tuned.hold[i]!)],
    ];
    const values = panels.flatMap(([label, c]) => Array.from(c, (v, i) => ({ label, v_0: this.v0[i], v_step: this.vStep[i], value: v })));
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values },
      facet: { field: 'label', type: 'nominal', sort: panels.map(([l]) => l), title: null },
      columns: 3,
      spec: {
        width: 520,
        height: 380,
        mark: { type: 'square', size: Math.max(20, 60000 / this.v0.length) },
        encoding: {
          x: { field: 'v_0', type: 'quantitative', title: 'v_0' },
          y: { field: 'v_step', type: 'quantitative', title: 'v_step' },
          color: { field: 'value', type: 'quantitative', scale: { scheme: 'blueorange', domainMid: 0 }, title: null },
        },
      },
      resolve: { scale: { color: 'independent' } },
    } as unknown as VegaLiteSpec;
    // figsize (6.4 * 3, 4.8 * 2) inches at 100 px/inch, dpi 300
    writeFitFigure(WHO, file, spec, { width: 1920, height: 960, scale: 3 });
  }
}
