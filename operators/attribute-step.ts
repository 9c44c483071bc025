import { SegmentProtocol, type Protocol, type PopulationRef } from '../src/stream/protocol.js';
import { checkDuration, checkMultipleOfDt, checkNumber, checkOptions, checkPopRef, pyRoundSteps } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';

/**
 * Options of {@link attributeStep} (CompNeuroPy `attribute_step(pop, attr, t1=500, t2=500, v1=0, v2=100)`).
 *
 * @example
 * ```ts
 * const o: AttributeStepOptions = { pop: 'HH_Bischop', attr: 'E_L', t1: 500, t2: 500, v1: -68, v2: -60 };
 * attributeStep(o);
 * ```
 */
export interface AttributeStepOptions {
  pop: PopulationRef;
  attr: string;
  /** Duration before the step in ms (default 500). */
  t1?: number;
  /** Duration after the step in ms (default 500). */
  t2?: number;
  /** Value during t1 (default 0). */
  v1?: number;
  /** Value during t2 (default 100). */
  v2?: number;
}

/**
 * `{ duration: t1 + t2, vArr }` with round(t1/dt) copies of v1 then round(t2/dt) copies of v2.
 *
 * @example
 * ```ts
 * const info: AttributeStepInfo = attributeStep({ pop: 'HH_Bischop', attr: 'E_L', v1: -68, v2: -60 });
 * info.duration;   // 1000
 * ```
 */
export interface AttributeStepInfo {
  duration: number;
  vArr: Float64Array;
}

const NAMES = ['pop', 'attr', 't1', 't2', 'v1', 'v2'];

/** Validated parts of a two-segment step, shared with {@link currentStep}. */
export function stepProtocol(where: string, pop: unknown, attr: unknown, t1: unknown, t2: unknown, v1: unknown, v2: unknown, valueNames: [string, string] = ['v1', 'v2']): Protocol<AttributeStepInfo> {
  checkPopRef(where, pop);
  if (typeof attr !== 'string') throw new Error(`${where}: attr must be an attribute name (string), got ${String(attr)}`);
  checkDuration(where, 't1', t1);
  checkDuration(where, 't2', t2);
  checkNumber(where, valueNames[0], v1);
  checkNumber(where, valueNames[1], v2);
  return new SegmentProtocol<AttributeStepInfo>(
    where,
    [
      { duration: t1, set: [{ pop, attr, value: v1 }] },
      { duration: t2, set: [{ pop, attr, value: v2 }] },
    ],
    (dt) => {
      const n1 = pyRoundSteps(t1, dt);
      const n2 = pyRoundSteps(t2, dt);
      return withLazy({ duration: t1 + t2 }, 'vArr', () => {
        const vArr = new Float64Array(n1 + n2);
        vArr.fill(v1, 0, n1);
        vArr.fill(v2, n1);
        return vArr;
      });
    },
    (dt) => {
      checkMultipleOfDt(where, 't1', t1, dt);
      checkMultipleOfDt(where, 't2', t2, dt);
    },
  );
}

/**
 * The protocol of {@link attributeStep}.
 *
 * @example
 * ```ts
 * attributeStepProtocol({ pop: 'p', attr: 'I_app', t1: 100, t2: 100, v1: 0, v2: 5 }).info(0.1).vArr.length; // 2000
 * ```
 */
export function attributeStepProtocol(opts: AttributeStepOptions): Protocol<AttributeStepInfo> {
  checkOptions('attributeStep', opts, NAMES);
  const { pop, attr, t1 = 500, t2 = 500, v1 = 0, v2 = 100 } = opts;
  return stepProtocol('attributeStep', pop, attr, t1, t2, v1, v2);
}

/**
 * CompNeuroPy's `attribute_step`: the attribute at v1 for t1 ms, then at v2 for t2 ms, restored
 * afterwards. Returns `{ duration: t1 + t2, vArr }`.
 *
 * @example
 * ```ts
 * attributeStep({ pop: 'HH_Bischop', attr: 'E_L', t1: 100, t2: 100, v1: -68, v2: -60 }).duration; // 200
 * ```
 */
export const attributeStep = defineProtocolFunction<AttributeStepOptions, AttributeStepInfo>('attributeStep', { names: NAMES, required: ['pop', 'attr'] }, attributeStepProtocol);

/**
 * {@link attributeStep} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$().pipe(attributeStep$({ pop: 'p', attr: 'E_L', t1: 10, t2: 10, v1: -70, v2: -60 })).subscribe();
 * ```
 */
export const attributeStep$ = attributeStep.operator;
