import { SegmentProtocol, type Protocol, type PopulationRef, type ProtocolSegment } from '../src/stream/protocol.js';
import { checkCount, checkDuration, checkNumber, checkOptions, checkPopRef, pyRoundSteps } from '../src/stream/protocol-checks.js';
import { pyFloat as pyFloatStr } from '../src/analysis/python-format.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';
import { withLazy } from '../src/stream/lazy-property.js';

/**
 * Options of {@link attrRamp} (CompNeuroPy `attr_ramp(pop, attr, v0, v1, dur, n)`).
 *
 * @example
 * ```ts
 * const o: AttrRampOptions = { pop: 'HH_Bischop', attr: 'E_L', v0: -70, v1: -60, dur: 1000, n: 10 };
 * attrRamp(o);
 * ```
 */
export interface AttrRampOptions {
  pop: PopulationRef;
  attr: string;
  /** Value of the first stimulation. */
  v0: number;
  /** Value of the last stimulation. */
  v1: number;
  /** Duration of the whole ramp in ms. */
  dur: number;
  /** Number of stimulations (>= 2). */
  n: number;
}

/**
 * `{ dv, durStim, vArr }`: dv = (v1 - v0)/(n - 1), durStim = dur/n, one value per step.
 *
 * @example
 * ```ts
 * const info: AttrRampInfo = attrRamp({ pop: 'HH_Bischop', attr: 'E_L', v0: -70, v1: -60, dur: 1000, n: 11 });
 * info.dv;   // 1
 * ```
 */
export interface AttrRampInfo {
  dv: number;
  durStim: number;
  vArr: Float64Array;
}

const NAMES = ['pop', 'attr', 'v0', 'v1', 'dur', 'n'];

/**
 * CompNeuroPy's ramp check, with its message (which says "current_ramp" for attribute ramps too):
 * `(dur/n)/dt % 1` must be 0.
 */
export function checkRampDuration(dur: number, n: number, dt: number): void {
  if (((dur / n) / dt) % 1 !== 0) {
    throw new Error(
      'ERROR current_ramp: dur/n should result in a duration (for a single stimulation) which is divisible by the simulation time step (without remainder)\n'
        + `current duration = ${pyFloatStr(dur / n)}, timestep = ${pyFloatStr(dt)}!\n`,
    );
  }
}

/** A validated ramp protocol, shared with {@link currentRamp}. */
export function rampProtocol(where: string, pop: unknown, attr: unknown, v0: unknown, v1: unknown, dur: unknown, n: unknown, valueNames: [string, string] = ['v0', 'v1']): Protocol<AttrRampInfo> {
  checkPopRef(where, pop);
  if (typeof attr !== 'string') throw new Error(`${where}: attr must be an attribute name (string), got ${String(attr)}`);
  checkNumber(where, valueNames[0], v0);
  checkNumber(where, valueNames[1], v1);
  checkDuration(where, 'dur', dur);
  // CompNeuroPy divides by n - 1: n = 1 is a ZeroDivisionError there.
  checkCount(where, 'n (number of stimulations)', n, 2);
  const dv = (v1 - v0) / (n - 1); // for n stimulations only n-1 steps occur
  const durStim = dur / n;
  const values: number[] = [];
  let v = v0;
  for (let i = 0; i < n; i++) {
    values.push(v);
    v = v + dv; // accumulated by addition, as CompNeuroPy: the last value is v1 up to rounding
  }
  const segments: ProtocolSegment[] = values.map((value) => ({ duration: durStim, set: [{ pop, attr, value }] }));
  return new SegmentProtocol<AttrRampInfo>(
    where,
    segments,
    (dt) => {
      const m = pyRoundSteps(durStim, dt);
      return withLazy({ dv, durStim }, 'vArr', () => {
        const vArr = new Float64Array(n * m);
        for (let i = 0; i < n; i++) vArr.fill(values[i]!, i * m, (i + 1) * m);
        return vArr;
      });
    },
    (dt) => checkRampDuration(dur, n, dt),
  );
}

/**
 * The protocol of {@link attrRamp}.
 *
 * @example
 * ```ts
 * attrRampProtocol({ pop: 'p', attr: 'E_L', v0: -70, v1: -60, dur: 100, n: 5 }).info(0.1).dv; // 2.5
 * ```
 */
export function attrRampProtocol(opts: AttrRampOptions): Protocol<AttrRampInfo> {
  checkOptions('attrRamp', opts, NAMES);
  return rampProtocol('attrRamp', opts.pop, opts.attr, opts.v0, opts.v1, opts.dur, opts.n);
}

/**
 * CompNeuroPy's `attr_ramp`: n stimulations of dur/n ms each, the attribute going from v0 to v1
 * in steps of (v1 - v0)/(n - 1), restored afterwards. `(dur/n)/dt` must be whole.
 *
 * @example
 * ```ts
 * attrRamp({ pop: 'HH_Bischop', attr: 'I_app', v0: 0, v1: 100, dur: 1000, n: 50 }).dv; // 2.0408163265306123
 * ```
 */
export const attrRamp = defineProtocolFunction<AttrRampOptions, AttrRampInfo>('attrRamp', { names: NAMES, required: NAMES }, attrRampProtocol);

/**
 * {@link attrRamp} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$().pipe(attrRamp$({ pop: 'p', attr: 'E_L', v0: -70, v1: -60, dur: 100, n: 5 })).subscribe();
 * ```
 */
export const attrRamp$ = attrRamp.operator;
