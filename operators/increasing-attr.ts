import { SegmentProtocol, type Protocol, type PopulationRef } from '../src/stream/protocol.js';
import { checkCount, checkDuration, checkMultipleOfDt, checkNumber, checkOptions, checkPopRef, pyRoundSteps } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';

/**
 * Options of {@link increasingAttr} (CompNeuroPy `increasing_attr(pop, attr, v0, dv, nr_steps, dur_step)`).
 *
 * @example
 * ```ts
 * const o: IncreasingAttrOptions = { pop: 'HH_Bischop', attr: 'E_L', v0: -70, dv: 1, nrSteps: 5, durStep: 100 };
 * increasingAttr(o);
 * ```
 */
export interface IncreasingAttrOptions {
  pop: PopulationRef;
  attr: string;
  /** Value of the first stimulation. */
  v0: number;
  /** Increment per stimulation. */
  dv: number;
  /** Number of stimulations. */
  nrSteps: number;
  /** Duration of one stimulation in ms. */
  durStep: number;
}

/**
 * `{ attrList: [v0, v0 + dv, ...], vArr }`.
 *
 * @example
 * ```ts
 * const info: IncreasingAttrInfo = increasingAttr({ pop: 'HH_Bischop', attr: 'E_L', v0: -70, dv: 1, nrSteps: 3, durStep: 100 });
 * info.attrList;   // [-70, -69, -68]
 * ```
 */
export interface IncreasingAttrInfo {
  attrList: number[];
  vArr: Float64Array;
}

const NAMES = ['pop', 'attr', 'v0', 'dv', 'nrSteps', 'durStep'];

/** A validated staircase protocol, shared with {@link increasingCurrent}. */
export function staircaseProtocol(where: string, pop: unknown, attr: unknown, v0: unknown, dv: unknown, nrSteps: unknown, durStep: unknown, valueNames: [string, string] = ['v0', 'dv']): Protocol<IncreasingAttrInfo> {
  checkPopRef(where, pop);
  if (typeof attr !== 'string') throw new Error(`${where}: attr must be an attribute name (string), got ${String(attr)}`);
  checkNumber(where, valueNames[0], v0);
  checkNumber(where, valueNames[1], dv);
  checkCount(where, 'nrSteps', nrSteps, 0);
  checkDuration(where, 'durStep', durStep);
  const attrList: number[] = [];
  let v = v0;
  for (let i = 0; i < nrSteps; i++) {
    attrList.push(v);
    v += dv;
  }
  return new SegmentProtocol<IncreasingAttrInfo>(
    where,
    attrList.map((value) => ({ duration: durStep, set: [{ pop, attr, value }] })),
    (dt) => {
      const m = pyRoundSteps(durStep, dt);
      return withLazy({ attrList: [...attrList] }, 'vArr', () => {
        const vArr = new Float64Array(nrSteps * m);
        for (let i = 0; i < nrSteps; i++) vArr.fill(attrList[i]!, i * m, (i + 1) * m);
        return vArr;
      });
    },
    (dt) => checkMultipleOfDt(where, 'durStep', durStep, dt),
  );
}

/**
 * The protocol of {@link increasingAttr}.
 *
 * @example
 * ```ts
 * increasingAttrProtocol({ pop: 'p', attr: 'E_L', v0: -70, dv: 2, nrSteps: 3, durStep: 10 }).info(0.1).attrList; // [-70, -68, -66]
 * ```
 */
export function increasingAttrProtocol(opts: IncreasingAttrOptions): Protocol<IncreasingAttrInfo> {
  checkOptions('increasingAttr', opts, NAMES);
  return staircaseProtocol('increasingAttr', opts.pop, opts.attr, opts.v0, opts.dv, opts.nrSteps, opts.durStep);
}

/**
 * CompNeuroPy's `increasing_attr`: nrSteps stimulations of durStep ms with values v0, v0 + dv, ...
 * (accumulated by addition), restored afterwards. Returns `{ attrList, vArr }`.
 *
 * @example
 * ```ts
 * increasingAttr({ pop: 'HH_Bischop', attr: 'I_app', v0: 0, dv: 10, nrSteps: 5, durStep: 100 }).attrList; // [0, 10, 20, 30, 40]
 * ```
 */
export const increasingAttr = defineProtocolFunction<IncreasingAttrOptions, IncreasingAttrInfo>('increasingAttr', { names: NAMES, required: NAMES }, increasingAttrProtocol);

/**
 * {@link increasingAttr} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$().pipe(increasingAttr$({ pop: 'p', attr: 'E_L', v0: -70, dv: 2, nrSteps: 3, durStep: 10 })).subscribe();
 * ```
 */
export const increasingAttr$ = increasingAttr.operator;
