import { freeze, produce, type Draft } from 'immer';
import { currentNetwork } from '../engine/magic-network.js';
import type { Network } from '../engine/network.js';
import { getAllAttributes, setAllAttributes, type CompartmentAttributes } from './model-functions.js';

/**
 * An immutable snapshot of model state: every attribute of some compartments, as
 * `{ populations: { name: { attr: value } }, projections: { ... } }`. Objects are frozen by
 * Immer; typed arrays are copies that are never written again (Immer cannot freeze them).
 *
 * @example
 * ```ts
 * const s: ModelState = captureModelState();
 * applyModelState(s);
 * ```
 */
export type ModelState = Readonly<{
  populations: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  projections: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}>;

/**
 * Capture the current attributes of the named compartments (CompNeuroExp.storeModelState).
 *
 * @example
 * ```ts
 * getPopulation('HH_Bischop').v = -90;
 * const s = captureModelState(['HH_Bischop']);
 * s.populations.HH_Bischop.v; // Float64Array [-90]
 * ```
 */
export function captureModelState(compartmentList: readonly string[], net: Network = currentNetwork()): ModelState {
  return freeze(getAllAttributes(compartmentList, net), true) as ModelState;
}

/**
 * A new snapshot derived from `base` by a recipe (Immer `produce`). Replace arrays instead of
 * writing into them: typed arrays are shared with `base`.
 *
 * @example
 * ```ts
 * const colder = deriveModelState(s, (d) => { d.populations.HH_Bischop.v = new Float64Array([-95]); });
 * ```
 */
export function deriveModelState(base: ModelState, recipe: (draft: Draft<CompartmentAttributes>) => void): ModelState {
  return freeze(produce(base as CompartmentAttributes, recipe), true) as ModelState;
}

/**
 * Write a snapshot into the network; with `parameters: false` only variables are restored;
 * `populations`/`projections: false` skip that kind of compartment.
 *
 * @example
 * ```ts
 * const s = captureModelState();
 * simulate(100);
 * applyModelState(s);   // back to the captured values
 * ```
 */
export function applyModelState(
  state: ModelState,
  opts: { parameters?: boolean; populations?: boolean; projections?: boolean } = {},
  net: Network = currentNetwork(),
): void {
  const { parameters = true, populations = true, projections = true } = opts;
  setAllAttributes(
    {
      populations: populations ? (state.populations as CompartmentAttributes['populations']) : {},
      projections: projections ? (state.projections as CompartmentAttributes['projections']) : {},
    },
    { parameters },
    net,
  );
}
