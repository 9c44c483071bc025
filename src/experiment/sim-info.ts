import { roundTo } from '../analysis/number-of-decimals.js';

/** Names of the simulation functions `getCurrentArr` understands (TS and CompNeuroPy spellings). */
const STEP = ['currentStep', 'current_step'];
const STIM = ['currentStim', 'current_stim'];
const RAMP = ['currentRamp', 'current_ramp'];

function concat(arrs: Float64Array[]): Float64Array {
  const out = new Float64Array(arrs.reduce((a, x) => a + x.length, 0));
  let o = 0;
  for (const a of arrs) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

function filled(n: number, v: number): Float64Array {
  return new Float64Array(Math.max(0, n)).fill(v);
}

/** Python's `int(round(x))` (halves to even, on the exact binary value). */
const pyRound = (x: number): number => roundTo(x);

/**
 * CompNeuroPy's `SimInfo`: what a {@link CompNeuroSim} did. As in CompNeuroPy (§14.9) the lists
 * `start`, `end`, `info`, `kwargs` and `monitorChunk` are the simulation's own lists, not
 * copies, so an info taken earlier grows with later runs (a deep copy, as
 * `CompNeuroExp.results()` makes, freezes it).
 *
 * @example
 * ```ts
 * const info = simRamp.simulationInfo();
 * info.name;                 // 'simulation0'
 * info.simulationFunction;   // 'currentRamp'
 * info.start; info.end;      // [0], [1000]
 * info.getCurrentArr(0.01, true).length; // 100000 per run
 * ```
 */
export class SimInfo {
  constructor(
    readonly name: string,
    readonly description: string,
    /** Name of the simulation function (a string). */
    readonly simulationFunction: string,
    /** Start time of each run in ms. */
    readonly start: number[],
    /** End time of each run in ms. */
    readonly end: number[],
    /** Return value of the simulation function of each run. */
    readonly info: unknown[],
    /** Effective kwargs of each run. */
    readonly kwargs: (Record<string, unknown> | undefined)[],
    /** Monitor chunk of each run, or null without a monitor object. */
    readonly monitorChunk: (number | null)[] | null,
  ) {}

  /**
   * The input current of every step of every run, for `currentStep`, `currentStim` and
   * `currentRamp` simulations (CompNeuroPy's `get_current_arr`): one array per run, or all
   * runs concatenated with `flat`. As in CompNeuroPy the values come from the stored kwargs, so
   * t1, t2, a1, a2 (or t, a, or a0, n) must have been passed explicitly (§14.10).
   *
   * @example
   * ```ts
   * stepInfo.getCurrentArr(0.01)[0].length; // round(t1/dt) + round(t2/dt)
   * ```
   */
  getCurrentArr(dt: number, flat?: false): Float64Array[];
  getCurrentArr(dt: number, flat: true): Float64Array;
  getCurrentArr(dt: number, flat = false): Float64Array[] | Float64Array {
    if (typeof dt !== 'number' || !(dt > 0)) throw new Error(`getCurrentArr: dt must be a positive number of ms, got ${String(dt)}`);
    const fn = this.simulationFunction;
    if (![...STEP, ...STIM, ...RAMP].includes(fn)) {
      throw new Error('ERROR get_current_arr: Simulation has to be "currentStep", "currentStim" or "currentRamp"!');
    }
    const kw = (run: number, key: string): number => {
      const k = this.kwargs[run];
      const v = k?.[key];
      if (typeof v !== 'number') throw new Error(`getCurrentArr: the kwargs of run ${run} have no number "${key}"; it is read from the kwargs, so pass it explicitly`);
      return v;
    };
    const out: Float64Array[] = [];
    for (let run = 0; run < this.kwargs.length; run++) {
      if (STEP.includes(fn)) {
        const t1 = kw(run, 't1');
        const t2 = kw(run, 't2');
        const a1 = kw(run, 'a1');
        const a2 = kw(run, 'a2');
        if (t1 > 0 && t2 > 0) out.push(concat([filled(pyRound(t1 / dt), a1), filled(pyRound(t2 / dt), a2)]));
        else if (t2 > 0) out.push(filled(pyRound(t2 / dt), a2));
        else out.push(filled(pyRound(t1 / dt), a1));
      } else if (STIM.includes(fn)) {
        const t = kw(run, 't');
        const a = kw(run, 'a');
        if (t > 0) out.push(filled(pyRound(t / dt), a));
      } else {
        let amp = kw(run, 'a0');
        const n = kw(run, 'n');
        const info = this.info[run] as { durStim: number; da: number };
        const parts: Float64Array[] = [];
        for (let i = 0; i < n; i++) {
          parts.push(filled(pyRound(info.durStim / dt), amp));
          amp = amp + info.da;
        }
        out.push(concat(parts));
      }
    }
    return flat ? concat(out) : out;
  }
}

/**
 * CompNeuroPy's old name of {@link SimInfo}.
 *
 * @example
 * ```ts
 * const info = simRamp.simulationInfo();
 * info instanceof simulationInfoCl;   // true
 * ```
 */
export const simulationInfoCl = SimInfo;
