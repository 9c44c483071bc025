import { currentNetwork } from '../engine/magic-network.js';
import type { Network } from '../engine/network.js';

/**
 * Attribute values of one compartment: numbers (population-wide) or arrays (per neuron/synapse).
 *
 * @example
 * ```ts
 * const v: AttributeValues = captureModelState().populations['HH_Bischop']!;
 * v['v'];
 * ```
 */
export type AttributeValues = Record<string, unknown>;

/** What the experiment layer needs of a population or projection. */
export interface Compartment {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly attributes: readonly string[];
  get(name: string): unknown;
  set(values: Record<string, unknown>): void;
}

/**
 * All attributes of some compartments, shaped as CompNeuroPy's `_get_all_attributes`.
 *
 * @example
 * ```ts
 * const s = deriveModelState(captureModelState(), (draft: Draft<CompartmentAttributes>) => { draft.populations['HH_Bischop']!['v'] = -90; });
 * ```
 */
export interface CompartmentAttributes {
  populations: Record<string, AttributeValues>;
  projections: Record<string, AttributeValues>;
}

function copyValue(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
  if (Array.isArray(v)) return v.map(copyValue);
  return v;
}

function compartments(net: Network): { populations: Compartment[]; projections: Compartment[] } {
  return {
    populations: net.populationsList as unknown as Compartment[],
    projections: net.projectionsList as unknown as Compartment[],
  };
}

/**
 * Names of all populations and projections of the network (CompNeuroPy `get_full_model`).
 *
 * @example
 * ```ts
 * getFullModel(); // { populations: ['HH_Bischop'], projections: [] }
 * ```
 */
export function getFullModel(net: Network = currentNetwork()): { populations: string[]; projections: string[] } {
  return {
    populations: net.populationsList.map((p) => p.name),
    projections: net.projectionsList.map((p) => p.name),
  };
}

/**
 * Copies of every attribute (parameters and variables) of the named compartments
 * (CompNeuroPy `_get_all_attributes`); an unknown name throws `Compartment X not found in model`.
 */
export function getAllAttributes(compartmentList: readonly string[], net: Network = currentNetwork()): CompartmentAttributes {
  const { populations, projections } = compartments(net);
  const out: CompartmentAttributes = { populations: {}, projections: {} };
  for (const name of compartmentList) {
    const pop = populations.find((p) => p.name === name);
    const proj = projections.find((p) => p.name === name);
    const c = pop ?? proj;
    if (!c) throw new Error(`Compartment ${name} not found in model`);
    const vals: AttributeValues = {};
    for (const a of c.attributes) vals[a] = copyValue(c.get(a));
    (pop ? out.populations : out.projections)[name] = vals;
  }
  return out;
}

/**
 * Write stored attributes back (CompNeuroPy `_set_all_attributes`); with `parameters: false`
 * parameters are skipped. Every compartment is checked before anything is written.
 */
export function setAllAttributes(attributes: CompartmentAttributes, opts: { parameters?: boolean } = {}, net: Network = currentNetwork()): void {
  const withParams = opts.parameters ?? true;
  const { populations, projections } = compartments(net);
  const plan: [Compartment, Record<string, unknown>][] = [];
  for (const [kind, list, stored] of [['population', populations, attributes.populations], ['projection', projections, attributes.projections]] as const) {
    for (const [name, values] of Object.entries(stored)) {
      const c = list.find((x) => x.name === name);
      if (!c) throw new Error(`Compartment ${name} not found in model (stored ${kind})`);
      const write: Record<string, unknown> = {};
      for (const [a, v] of Object.entries(values)) {
        if (!withParams && c.parameters.includes(a)) continue;
        write[a] = copyValue(v);
      }
      plan.push([c, write]);
    }
  }
  for (const [c, write] of plan) c.set(write);
}

/** All parameters of all populations and projections (CompNeuroPy `_get_all_parameters`). */
export function getAllParameters(net: Network = currentNetwork()): CompartmentAttributes {
  const { populations, projections } = compartments(net);
  const grab = (c: Compartment) => Object.fromEntries(c.parameters.map((p) => [p, copyValue(c.get(p))]));
  return {
    populations: Object.fromEntries(populations.map((p) => [p.name, grab(p)])),
    projections: Object.fromEntries(projections.map((p) => [p.name, grab(p)])),
  };
}

/** Write parameters saved by {@link getAllParameters} back (CompNeuroPy `_set_all_parameters`). */
export function setAllParameters(params: CompartmentAttributes, net: Network = currentNetwork()): void {
  setAllAttributes(params, { parameters: true }, net);
}

/**
 * True once the network was compiled (CompNeuroPy `annarchy_compiled`).
 *
 * @example
 * ```ts
 * annarchyCompiled();   // false
 * compile();
 * annarchyCompiled();   // true
 * ```
 */
export function annarchyCompiled(net: Network = currentNetwork()): boolean {
  return net.compiled && net.populationsList.length + net.projectionsList.length > 0;
}
