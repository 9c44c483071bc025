import type { AttributeInput } from '../src/engine/attribute-value.js';
import { SegmentProtocol, type Protocol, type PopulationRef } from '../src/stream/protocol.js';
import { checkDuration, checkMultipleOfDt, checkOptions, checkPopRef, pyRoundSteps } from '../src/stream/protocol-checks.js';
import { defineProtocolFunction } from '../src/stream/simulation-function.js';

/**
 * Options of {@link attrSim} (CompNeuroPy `attr_sim(pop, attr_dict, t=500)`).
 *
 * @example
 * ```ts
 * const o: AttrSimOptions = { pop: 'HH_Bischop', attrDict: { I_app: 10, E_L: -70 }, t: 500 };
 * attrSim(o);
 * ```
 */
export interface AttrSimOptions {
  /** Population name (or object). */
  pop: PopulationRef;
  /** Attribute values to hold during the run. */
  attrDict: Record<string, AttributeInput>;
  /** Duration in ms (default 500). */
  t?: number;
}

/**
 * `{ attr: [value] * round(t/dt) }`: the value of each attribute for each step.
 *
 * @example
 * ```ts
 * const info: AttrSimInfo = attrSim({ pop: 'HH_Bischop', attrDict: { I_app: 10 }, t: 1 });
 * info['I_app']!.length;   // t/dt
 * ```
 */
export type AttrSimInfo = Record<string, AttributeInput[]>;

const NAMES = ['pop', 'attrDict', 't'];

/**
 * The protocol of {@link attrSim}: set the attributes, run `t` ms, restore the previous values.
 *
 * @example
 * ```ts
 * simulate$().pipe(withProtocol(attrSimProtocol({ pop: 'p', attrDict: { I_app: 5 }, t: 10 }))).subscribe();
 * ```
 */
export function attrSimProtocol(opts: AttrSimOptions): Protocol<AttrSimInfo> {
  checkOptions('attrSim', opts, NAMES);
  return holdProtocol('attrSim', opts.pop, opts.attrDict, opts.t ?? 500);
}

/** A validated "hold these values for t ms" protocol, shared with {@link currentStim}. */
export function holdProtocol(where: string, pop: unknown, attrDict: unknown, t: unknown): Protocol<AttrSimInfo> {
  checkPopRef(where, pop);
  if (attrDict === null || typeof attrDict !== 'object' || Array.isArray(attrDict)) throw new Error(`${where}: attrDict must be an object { attribute: value }`);
  checkDuration(where, 't', t);
  const entries = Object.entries(attrDict as Record<string, AttributeInput>);
  return new SegmentProtocol<AttrSimInfo>(
    where,
    [{ duration: t, set: entries.map(([attr, value]) => ({ pop, attr, value })) }],
    (dt) => Object.fromEntries(entries.map(([attr, v]) => [attr, new Array<AttributeInput>(pyRoundSteps(t, dt)).fill(v)])),
    (dt) => checkMultipleOfDt(where, 't', t, dt),
  );
}

/**
 * CompNeuroPy's `attr_sim`: sets the attributes of a population, simulates `t` ms and restores
 * the previous values. Returns `{ attr: [value] * round(t/dt) }` (a list per attribute).
 *
 * @example
 * ```ts
 * const info = attrSim({ pop: 'HH_Bischop', attrDict: { I_app: 10 }, t: 100 });
 * info.I_app.length; // 10000 at dt 0.01
 * ```
 */
export const attrSim = defineProtocolFunction<AttrSimOptions, AttrSimInfo>('attrSim', { names: NAMES, required: ['pop', 'attrDict'] }, attrSimProtocol);

/**
 * {@link attrSim} as a pipe operator for `simulate$`.
 *
 * @example
 * ```ts
 * simulate$(1000).pipe(attrSim$({ pop: 'p', attrDict: { I_app: 5 }, t: 200 })).subscribe();
 * ```
 */
export const attrSim$ = attrSim.operator;
