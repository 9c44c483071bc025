import type { Protocol, PopulationRef } from '../src/stream/protocol.js';
import { checkNumber, checkOptions } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { holdProtocol } from './attr-sim.js';
import { mapInfo } from './current-step.js';

/**
 * Options of {@link currentStim} (CompNeuroPy `current_stim(pop, t=500, a=100)`).
 *
 * @example
 * ```ts
 * const o: CurrentStimOptions = { pop: 'HH_Bischop', t: 200, a: 20 };
 * currentStim(o);
 * ```
 */
export interface CurrentStimOptions {
  /** Population whose model has the input current `I_app`. */
  pop: PopulationRef;
  /** Duration in ms (default 500). */
  t?: number;
  /** Amplitude (default 100). */
  a?: number;
}

const NAMES = ['pop', 't', 'a'];

/**
 * The protocol of {@link currentStim}.
 *
 * @example
 * ```ts
 * currentStimProtocol({ pop: 'HH_Bischop', t: 10, a: 5 }).info(0.01).length; // 1000
 * ```
 */
export function currentStimProtocol(opts: CurrentStimOptions): Protocol<Float64Array> {
  checkOptions('currentStim', opts, NAMES);
  const { pop, t = 500, a = 100 } = opts;
  checkNumber('currentStim', 'a', a);
  return mapInfo(holdProtocol('currentStim', pop, { I_app: a }, t), (i) => Float64Array.from(i.I_app as number[]));
}

/**
 * CompNeuroPy's `current_stim`: `I_app = a` for t ms, restored afterwards. Returns an array
 * (not a dict) with I_app for each step.
 *
 * @example
 * ```ts
 * currentStim({ pop: 'HH_Bischop', t: 100, a: 20 }).length; // 10000 at dt 0.01
 * ```
 */
export const currentStim = defineProtocolFunction<CurrentStimOptions, Float64Array>('currentStim', { names: NAMES, required: ['pop'] }, currentStimProtocol);

/**
 * {@link currentStim} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$(300).pipe(currentStim$({ pop: 'HH_Bischop', t: 100, a: 20 })).subscribe();
 * ```
 */
export const currentStim$ = currentStim.operator;
