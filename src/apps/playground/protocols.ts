/**
 * The protocols the playground offers: the stimulation protocols of `operators/` with their
 * options as page fields. One description serves the page (the protocol objects) and the
 * exported script (the same protocol as a pipe operator call), so both run the same input.
 */
import type { Protocol } from '../../stream/protocol.js';
import { currentStepProtocol } from '../../../operators/current-step.js';
import { currentRampProtocol } from '../../../operators/current-ramp.js';
import { currentStimProtocol } from '../../../operators/current-stim.js';
import { attributeStepProtocol } from '../../../operators/attribute-step.js';
import { attrRampProtocol } from '../../../operators/attr-ramp.js';

/**
 * A protocol choice of the page: `none` runs the model with its parameters as they are.
 *
 * @example
 * ```ts
 * const k: ProtocolKind = 'currentRamp';
 * ```
 */
export type ProtocolKind = 'none' | 'currentStep' | 'currentRamp' | 'currentStim' | 'attributeStep' | 'attrRamp';

/**
 * The page's protocol: its kind, its numeric options (CompNeuroPy's names) and, for the attribute
 * protocols, the attribute it drives.
 *
 * @example
 * ```ts
 * const p: ProtocolState = { kind: 'currentStep', values: { t1: 200, t2: 800, a1: 0, a2: 50 } };
 * ```
 */
export interface ProtocolState {
  kind: ProtocolKind;
  values: Record<string, number>;
  attr?: string;
}

/** What the page shows of a protocol kind: label, its numeric fields with defaults, the attribute it drives. */
export interface ProtocolSpec {
  readonly label: string;
  /** Field name -> default value (the defaults of CompNeuroPy where it has them). */
  readonly fields: Readonly<Record<string, number>>;
  /** Fields that must be integers (numbers of stimulations). */
  readonly integers?: readonly string[];
  /** `I_app` for the current protocols; undefined when the user names the attribute. */
  readonly attr?: string;
}

/**
 * Every protocol kind of the page.
 *
 * @example
 * ```ts
 * Object.keys(PROTOCOLS.currentStep.fields); // ['t1', 't2', 'a1', 'a2']
 * ```
 */
export const PROTOCOLS: Readonly<Record<ProtocolKind, ProtocolSpec>> = {
  none: { label: 'none (parameters as set)', fields: {} },
  currentStep: { label: 'current step (currentStep)', fields: { t1: 200, t2: 800, a1: 0, a2: 50 }, attr: 'I_app' },
  currentRamp: { label: 'current ramp (currentRamp)', fields: { a0: 0, a1: 100, dur: 1000, n: 50 }, integers: ['n'], attr: 'I_app' },
  currentStim: { label: 'current pulse (currentStim)', fields: { t: 500, a: 50 }, attr: 'I_app' },
  attributeStep: { label: 'attribute step (attributeStep)', fields: { t1: 200, t2: 800, v1: 0, v2: 50 } },
  attrRamp: { label: 'attribute ramp (attrRamp)', fields: { v0: 0, v1: 100, dur: 1000, n: 50 }, integers: ['n'] },
};

/** The protocol function names of the library, by kind (what the exported script calls). */
const OPERATOR: Record<Exclude<ProtocolKind, 'none'>, string> = {
  currentStep: 'currentStep$',
  currentRamp: 'currentRamp$',
  currentStim: 'currentStim$',
  attributeStep: 'attributeStep$',
  attrRamp: 'attrRamp$',
};

/**
 * The attribute a protocol drives (undefined for `none`).
 *
 * @example
 * ```ts
 * protocolAttribute({ kind: 'currentRamp', values: {} }); // 'I_app'
 * ```
 */
export function protocolAttribute(p: ProtocolState): string | undefined {
  if (p.kind === 'none') return undefined;
  return PROTOCOLS[p.kind].attr ?? p.attr;
}

/** The options object of a protocol (population name, attribute, values), checked. */
function protocolOptions(p: ProtocolState, pop: string): Record<string, unknown> {
  const spec = PROTOCOLS[p.kind];
  if (!spec) throw new Error(`protocol: unknown kind "${String(p.kind)}"; expected one of ${Object.keys(PROTOCOLS).join(', ')}`);
  const opts: Record<string, unknown> = { pop };
  if (spec.attr === undefined) {
    if (typeof p.attr !== 'string' || p.attr === '') throw new Error(`protocol ${p.kind}: choose the attribute it drives`);
    opts.attr = p.attr;
  }
  for (const [name, dflt] of Object.entries(spec.fields)) {
    const v = p.values[name] ?? dflt;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`protocol ${p.kind}: ${name} must be a finite number, got ${String(v)}`);
    if (spec.integers?.includes(name) && !Number.isInteger(v)) throw new Error(`protocol ${p.kind}: ${name} must be an integer, got ${v}`);
    opts[name] = v;
  }
  return opts;
}

/**
 * The library protocol object of the page's protocol on population `pop` (undefined for `none`);
 * throws the protocol's own error for bad values.
 *
 * @example
 * ```ts
 * makeProtocol({ kind: 'currentStim', values: { t: 100, a: 20 } }, 'pop')?.name; // 'currentStim'
 * ```
 */
export function makeProtocol(p: ProtocolState, pop: string): Protocol | undefined {
  if (p.kind === 'none') return undefined;
  const o = protocolOptions(p, pop) as never;
  switch (p.kind) {
    case 'currentStep':
      return currentStepProtocol(o);
    case 'currentRamp':
      return currentRampProtocol(o);
    case 'currentStim':
      return currentStimProtocol(o);
    case 'attributeStep':
      return attributeStepProtocol(o);
    case 'attrRamp':
      return attrRampProtocol(o);
  }
}

/**
 * The protocol as a pipe-operator call for the exported script (undefined for `none`), and the
 * name to import.
 *
 * @example
 * ```ts
 * protocolCall({ kind: 'currentStim', values: { t: 100, a: 20 } }, 'pop')!.code; // 'currentStim$({ pop: "pop", t: 100, a: 20 })'
 * ```
 */
export function protocolCall(p: ProtocolState, pop: string): { name: string; code: string } | undefined {
  if (p.kind === 'none') return undefined;
  const opts = protocolOptions(p, pop);
  const body = Object.entries(opts).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  const name = OPERATOR[p.kind];
  return { name, code: `${name}({ ${body.join(', ')} })` };
}
