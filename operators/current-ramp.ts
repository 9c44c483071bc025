import type { Protocol, PopulationRef } from '../src/stream/protocol.js';
import { checkOptions } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';
import { rampProtocol } from './attr-ramp.js';
import { mapInfo } from './current-step.js';

/**
 * Options of {@link currentRamp} (CompNeuroPy `current_ramp(pop, a0, a1, dur, n)`).
 *
 * @example
 * ```ts
 * const o: CurrentRampOptions = { pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 };
 * currentRamp(o);
 * ```
 */
export interface CurrentRampOptions {
  /** Population whose model has the input current `I_app`. */
  pop: PopulationRef;
  /** Amplitude of the first stimulation. */
  a0: number;
  /** Amplitude of the last stimulation. */
  a1: number;
  /** Duration of the whole ramp in ms. */
  dur: number;
  /** Number of stimulations (>= 2). */
  n: number;
}

/**
 * `{ da, durStim, currentArr }`: da = (a1 - a0)/(n - 1), durStim = dur/n, I_app for every step.
 *
 * @example
 * ```ts
 * const info: CurrentRampInfo = currentRamp({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 51 });
 * info.da;   // 2
 * ```
 */
export interface CurrentRampInfo {
  da: number;
  durStim: number;
  currentArr: Float64Array;
}

const NAMES = ['pop', 'a0', 'a1', 'dur', 'n'];

/**
 * The protocol of {@link currentRamp}.
 *
 * @example
 * ```ts
 * currentRampProtocol({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 }).info(0.01).durStim; // 20
 * ```
 */
export function currentRampProtocol(opts: CurrentRampOptions): Protocol<CurrentRampInfo> {
  checkOptions('currentRamp', opts, NAMES);
  return mapInfo(rampProtocol('currentRamp', opts.pop, 'I_app', opts.a0, opts.a1, opts.dur, opts.n, ['a0', 'a1']), (i) => withLazy({ da: i.dv, durStim: i.durStim }, 'currentArr', () => i.vArr));
}

/**
 * CompNeuroPy's `current_ramp`: n current stimulations of dur/n ms, amplitudes a0, a0 + da, ...
 * (da = (a1 - a0)/(n - 1), accumulated by addition), I_app restored afterwards.
 *
 * @example
 * ```ts
 * const info = currentRamp({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 });
 * info.da;                 // 2.0408163265306123
 * info.durStim;            // 20
 * info.currentArr.length;  // 100000 at dt 0.01
 * ```
 */
export const currentRamp = defineProtocolFunction<CurrentRampOptions, CurrentRampInfo>('currentRamp', { names: NAMES, required: NAMES }, currentRampProtocol);

/**
 * {@link currentRamp} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$().pipe(currentRamp$({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 })).subscribe();
 * ```
 */
export const currentRamp$ = currentRamp.operator;
