import { ModelError, type ModelErrorWhere } from './model-error.js';

/**
 * Names a parameter or variable of a neuron or synapse may not have, with the reason. It is the
 * union of
 * - ANNarchy 4.7.3's own list (`generator/Sanity.py` `reserved_variables`: "is a reserved
 *   variable name") and the names of its built-in functions (`parser/ParserTemplate.py`
 *   `functions_dict`: "is a reserved keyword in ANNarchy");
 * - the names this project's API gives a population or projection that ANNarchy's Python would
 *   also resolve to the object instead of the attribute (`size`, `name`, `init`, `population`)
 *   and the members of every JavaScript object (`constructor`, `__proto__`, `toString`, checked
 *   with the other generated names in expression-guard.ts).
 *
 * Any other name is accepted, `state` included (ANNarchy accepts it): the engine keeps its
 * internal members off the attribute namespace (they begin with `$`, which a model name cannot).
 */
export const RESERVED_ATTRIBUTE_NAMES: ReadonlyMap<string, string> = new Map([
  ...['t', 'dt', 't_pre', 't_post', 't_last', 'last_spike', 'rk_post', 'rk_pre', 'i', 'j', 'active', 'refractory']
    .map((n) => [n, 'ANNarchy reserves it for the simulation itself'] as const),
  ...['pos', 'positive', 'neg', 'negative', 'modulo', 'fabs', 'ite', 'clip', 'power', 'True', 'False']
    .map((n) => [n, 'it is a built-in function or constant of ANNarchy'] as const),
  ['size', 'it is the number of neurons or synapses (pop.size, proj.size; ANNarchy reserves it too)'],
  ['name', 'it is the name of the population or projection (pop.name)'],
  ['init', 'it holds the values restored by reset() (pop.init) and is a flag of the description'],
  ['population', 'it is a flag of the description and the population of a view (view.population)'],
]);

/**
 * Throw a {@link ModelError} if `name`, declared as a parameter or variable, is reserved
 * ({@link RESERVED_ATTRIBUTE_NAMES}).
 *
 * @example
 * ```ts
 * checkAttributeName('size', 'parameter', { model: 'm', section: 'parameters', line: 1 });
 * // ModelError: m: "size" is reserved and cannot be a parameter: it is the number of neurons ...
 * ```
 */
export function checkAttributeName(name: string, what: 'parameter' | 'variable', at: ModelErrorWhere): void {
  const why = RESERVED_ATTRIBUTE_NAMES.get(name);
  if (why !== undefined) throw new ModelError(`"${name}" is reserved and cannot be a ${what}: ${why}`, { ...at, symbol: name });
}
