import { Population } from '../../engine/population.js';
import { CompNeuroModel } from '../../experiment/comp-neuro-model.js';
import { HHneuronBischop } from '../hh-neuron-bischop.js';

/** Options of {@link HHmodelBischop}. */
export interface HHmodelBischopOptions {
  name?: string;
  doCreate?: boolean;
  doCompile?: boolean;
  /** Accepted for compatibility; unused. */
  compileFolderName?: string;
}

/**
 * CompNeuroPy's full model `HHmodelBischop`: one HH_Bischop neuron in a population named
 * `"HH_Bischop"`, created and compiled on construction.
 *
 * @example
 * ```ts
 * setup({ dt: 0.01 });
 * const model = new HHmodelBischop();
 * model.populations; // ['HH_Bischop']
 * ```
 */
export class HHmodelBischop extends CompNeuroModel {
  constructor(opts: HHmodelBischopOptions = {}) {
    const { name = 'single_HH_Bischop', doCreate = true, doCompile = true, compileFolderName = 'annarchy_single_HH_Bischop' } = opts;
    super({
      modelCreationFunction: () => {
        new Population(1, HHneuronBischop, 'HH_Bischop');
      },
      name,
      description: 'One population "HH_Bischop" with a single neuron of the Hodgkin & Huxley neuron model of Bischop et al. (2012).',
      doCreate,
      doCompile,
      compileFolderName,
    });
  }
}
