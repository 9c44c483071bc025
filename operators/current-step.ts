import type { Network } from '../src/engine/network.js';
import type { BoundProtocol, Protocol, PopulationRef } from '../src/stream/protocol.js';
import { checkOptions } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';
import { stepProtocol } from './attribute-step.js';

/**
 * Options of {@link currentStep} (CompNeuroPy `current_step(pop, t1=500, t2=500, a1=0, a2=100)`).
 *
 * @example
 * ```ts
 * const o: CurrentStepOptions = { pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 };
 * currentStep(o);
 * ```
 */
export interface CurrentStepOptions {
  /** Population whose model has the input current `I_app`. */
  pop: PopulationRef;
  /** Time before the step in ms (default 500). */
  t1?: number;
  /** Time after the step in ms (default 500). */
  t2?: number;
  /** Amplitude before the step (default 0). */
  a1?: number;
  /** Amplitude after the step (default 100). */
  a2?: number;
}

/**
 * `{ duration: t1 + t2, currentArr }`: I_app for every step.
 *
 * @example
 * ```ts
 * const info: CurrentStepInfo = currentStep({ pop: 'HH_Bischop', a2: 50 });
 * info.duration;   // 1000
 * ```
 */
export interface CurrentStepInfo {
  duration: number;
  currentArr: Float64Array;
}

const NAMES = ['pop', 't1', 't2', 'a1', 'a2'];

/** Wraps a protocol, renaming its info (CompNeuroPy's current_* functions rename the attr_* keys). */
export function mapInfo<A, B>(p: Protocol<A>, f: (a: A) => B): Protocol<B> {
  return {
    name: p.name,
    network: p.network,
    info: (dt: number) => f(p.info(dt)),
    bind: (network: Network) => {
      const b = p.bind(network);
      const info = f(b.info);
      const bound: BoundProtocol<B> = { steps: b.steps, info, apply: (k: number) => b.apply(k), restore: () => b.restore() };
      if (b.nextChange) bound.nextChange = (k: number) => b.nextChange!(k);
      return bound;
    },
  };
}

/**
 * The protocol of {@link currentStep}.
 *
 * @example
 * ```ts
 * currentStepProtocol({ pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 }).info(0.01).currentArr.length; // 100000
 * ```
 */
export function currentStepProtocol(opts: CurrentStepOptions): Protocol<CurrentStepInfo> {
  checkOptions('currentStep', opts, NAMES);
  const { pop, t1 = 500, t2 = 500, a1 = 0, a2 = 100 } = opts;
  return mapInfo(stepProtocol('currentStep', pop, 'I_app', t1, t2, a1, a2, ['a1', 'a2']), (i) => withLazy({ duration: i.duration }, 'currentArr', () => i.vArr));
}

/**
 * CompNeuroPy's `current_step`: `I_app` at a1 for t1 ms, then a2 for t2 ms, restored afterwards.
 * Returns `{ duration: t1 + t2, currentArr }`.
 *
 * @example
 * ```ts
 * const info = currentStep({ pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 });
 * info.duration;            // 1000
 * info.currentArr[50000];   // 50
 * ```
 */
export const currentStep = defineProtocolFunction<CurrentStepOptions, CurrentStepInfo>('currentStep', { names: NAMES, required: ['pop'] }, currentStepProtocol);

/**
 * {@link currentStep} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$(2000).pipe(currentStep$({ pop: 'HH_Bischop', t1: 500, t2: 500, a1: 0, a2: 50 })).subscribe(); // then 1000 ms free
 * ```
 */
export const currentStep$ = currentStep.operator;
