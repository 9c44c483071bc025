import type { Protocol, PopulationRef } from '../src/stream/protocol.js';
import { checkOptions } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';
import { staircaseProtocol } from './increasing-attr.js';
import { mapInfo } from './current-step.js';

/**
 * Options of {@link increasingCurrent} (CompNeuroPy `increasing_current(pop, a0, da, nr_steps, dur_step)`).
 *
 * @example
 * ```ts
 * const o: IncreasingCurrentOptions = { pop: 'HH_Bischop', a0: 0, da: 10, nrSteps: 5, durStep: 200 };
 * increasingCurrent(o);
 * ```
 */
export interface IncreasingCurrentOptions {
  /** Population whose model has the input current `I_app`. */
  pop: PopulationRef;
  /** Amplitude of the first stimulation. */
  a0: number;
  /** Increment per stimulation. */
  da: number;
  /** Number of stimulations. */
  nrSteps: number;
  /** Duration of one stimulation in ms. */
  durStep: number;
}

/**
 * `{ currentList: [a0, a0 + da, ...], currentArr }`.
 *
 * @example
 * ```ts
 * const info: IncreasingCurrentInfo = increasingCurrent({ pop: 'HH_Bischop', a0: 0, da: 10, nrSteps: 3, durStep: 100 });
 * info.currentList;   // [0, 10, 20]
 * ```
 */
export interface IncreasingCurrentInfo {
  currentList: number[];
  currentArr: Float64Array;
}

const NAMES = ['pop', 'a0', 'da', 'nrSteps', 'durStep'];

/**
 * The protocol of {@link increasingCurrent}.
 *
 * @example
 * ```ts
 * increasingCurrentProtocol({ pop: 'HH_Bischop', a0: 0, da: 10, nrSteps: 3, durStep: 10 }).info(0.01).currentList; // [0, 10, 20]
 * ```
 */
export function increasingCurrentProtocol(opts: IncreasingCurrentOptions): Protocol<IncreasingCurrentInfo> {
  checkOptions('increasingCurrent', opts, NAMES);
  return mapInfo(staircaseProtocol('increasingCurrent', opts.pop, 'I_app', opts.a0, opts.da, opts.nrSteps, opts.durStep, ['a0', 'da']), (i) => withLazy({ currentList: i.attrList }, 'currentArr', () => i.vArr));
}

/**
 * CompNeuroPy's `increasing_current`: nrSteps stimulations of durStep ms with amplitudes a0,
 * a0 + da, ..., I_app restored afterwards.
 *
 * @example
 * ```ts
 * increasingCurrent({ pop: 'HH_Bischop', a0: 0, da: 10, nrSteps: 5, durStep: 100 }).currentList; // [0, 10, 20, 30, 40]
 * ```
 */
export const increasingCurrent = defineProtocolFunction<IncreasingCurrentOptions, IncreasingCurrentInfo>('increasingCurrent', { names: NAMES, required: NAMES }, increasingCurrentProtocol);

/**
 * {@link increasingCurrent} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$().pipe(increasingCurrent$({ pop: 'HH_Bischop', a0: 0, da: 10, nrSteps: 5, durStep: 100 })).subscribe();
 * ```
 */
export const increasingCurrent$ = increasingCurrent.operator;
