import { Population } from '../../engine/population.js';
import { CompNeuroModel } from '../../experiment/comp-neuro-model.js';
import { HHneuronBischopClass, HHneuronBischopSyn } from '../hh-neuron-bischop.js';
import { HHneuronCorbit, HHneuronCorbitSyn } from '../hh-neuron-corbit.js';

/**
 * Options of {@link HHmodelBischop} and {@link HHmodelCorbit} (CompNeuroPy keywords in camelCase).
 *
 * @example
 * ```ts
 * const o: HHSinglePopOptions = { popSize: 10 };
 * new HHmodelBischop(o);
 * ```
 */
export interface HHSinglePopOptions {
  /** Number of neurons (default 1). */
  popSize?: number;
  /** Use the variant with conductance-based AMPA/GABA synapses (population `<name>_syn`). */
  conductanceBasedSynapses?: boolean;
  name?: string;
  doCreate?: boolean;
  doCompile?: boolean;
  /** Accepted for compatibility; unused (compiling writes no folder). */
  compileFolderName?: string;
}

// CompNeuroPy's description text, indentation included (full_models/hodgkin_huxley_single_pop.py)
const DESCRIPTION = `
            One population "HH_Bischop" with a single neuron of the Hodgkin
            & Huxley neuron model of Bischop et al. (2012).
        `;

/**
 * CompNeuroPy's full model `HHmodelBischop`: `popSize` HH_Bischop neurons in a population named
 * `"HH_Bischop"` (`"HH_Bischop_syn"` with conductance-based synapses), created and compiled on
 * construction.
 *
 * @example
 * ```ts
 * setup({ dt: 0.01 });
 * const model = new HHmodelBischop();
 * model.populations; // ['HH_Bischop']
 * ```
 */
export class HHmodelBischop extends CompNeuroModel {
  constructor(opts: HHSinglePopOptions = {}) {
    const {
      popSize = 1, conductanceBasedSynapses = false, name = 'single_HH_Bischop', doCreate = true, doCompile = true,
      compileFolderName = 'annarchy_single_HH_Bischop',
    } = opts;
    super({
      modelCreationFunction: () => {
        if (conductanceBasedSynapses) new Population(popSize, new HHneuronBischopSyn(), 'HH_Bischop_syn');
        else new Population(popSize, new HHneuronBischopClass(), 'HH_Bischop');
      },
      name,
      description: DESCRIPTION,
      doCreate,
      doCompile,
      compileFolderName,
    });
  }
}

/**
 * CompNeuroPy's full model `HHmodelCorbit`: `popSize` HH_Corbit neurons in a population named
 * `"HH_Corbit"` (`"HH_Corbit_syn"` with conductance-based synapses). Its description is the
 * Bischop text, as in CompNeuroPy (copied there by mistake).
 *
 * @example
 * ```ts
 * const model = new HHmodelCorbit({ popSize: 10 });
 * model.populations; // ['HH_Corbit']
 * ```
 */
export class HHmodelCorbit extends CompNeuroModel {
  constructor(opts: HHSinglePopOptions = {}) {
    const {
      popSize = 1, conductanceBasedSynapses = false, name = 'single_HH_Corbit', doCreate = true, doCompile = true,
      compileFolderName = 'annarchy_single_HH_Corbit',
    } = opts;
    super({
      modelCreationFunction: () => {
        if (conductanceBasedSynapses) new Population(popSize, new HHneuronCorbitSyn(), 'HH_Corbit_syn');
        else new Population(popSize, new HHneuronCorbit(), 'HH_Corbit');
      },
      name,
      description: DESCRIPTION,
      doCreate,
      doCompile,
      compileFolderName,
    });
  }
}
