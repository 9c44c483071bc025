import { Population } from '../engine/population.js';
import { Projection, roundHalfEven, type ConnectorCall, type ProjectionAttributeInput } from '../engine/projection.js';
import type { Neuron } from '../language/neuron.js';
import type { Synapse } from '../language/synapse.js';
import { CONSTANTS } from '../language/constant.js';
import { GLOBAL_FUNCTIONS } from '../language/global-functions.js';
import { currentNetwork } from '../engine/magic-network.js';
import { cnpClear } from '../experiment/comp-neuro-model.js';
import { addDbsToNeuron, addDbsToSynapse } from './dbs-model-terms.js';
import { DBSError } from './dbs-error.js';
import { ModelError } from '../language/model-error.js';

/** What rebuilds one population: its constructor arguments and every value set before compile. */
interface PopulationRecord {
  readonly name: string;
  readonly geometry: readonly number[];
  readonly neuron: Neuron;
  readonly stopCondition: string | undefined;
  readonly values: ReadonlyArray<readonly [string, Float64Array | number]>;
  readonly refractory: Float64Array | number | undefined;
}

/** What rebuilds one projection: endpoints, target, synapse, connect call and values set before compile. */
interface ProjectionRecord {
  readonly name: string;
  readonly pre: string;
  readonly post: string;
  readonly preView: { ranks: readonly number[]; geometry: readonly number[] } | undefined;
  readonly postView: { ranks: readonly number[]; geometry: readonly number[] } | undefined;
  readonly target: string | string[];
  readonly synapse: Synapse;
  readonly spiking: boolean;
  readonly call: ConnectorCall;
  readonly values: ReadonlyArray<readonly [string, ProjectionAttributeInput]>;
}

/**
 * A model as CompNeuroPy's `_CreateDBSmodel.analyze_model` sees it: the populations and
 * projections (by name, in creation order) with everything needed to create them again —
 * neuron and synapse descriptions, geometry, connect call (method and arguments, so random
 * connectivity is drawn at compile as it would have been), delays, and every parameter and
 * variable value set before compile.
 *
 * @example
 * ```ts
 * const snap = DbsModelSnapshot.of(['pop1', 'pop2'], ['proj']);
 * cnpClear();
 * snap.recreate(); // pop1, pop2 and proj again, with the DBS mechanisms added
 * ```
 */
export class DbsModelSnapshot {
  private constructor(readonly populations: readonly PopulationRecord[], readonly projections: readonly ProjectionRecord[]) {}

  /** Reads the named populations and projections of the global network (all of them by default). */
  static of(populationNames?: readonly string[], projectionNames?: readonly string[]): DbsModelSnapshot {
    const net = currentNetwork();
    const pops = populationNames ? populationNames.map((n) => net.getPopulation(n)) : [...net.populationsList];
    const projs = projectionNames ? projectionNames.map((n) => net.getProjection(n)) : [...net.projectionsList];
    const populations = pops.map((pop): PopulationRecord => {
      // PoissonPopulation, SpikeSourceArray, ...: generated inputs without a membrane equation
      if (pop.constructor !== Population) {
        throw new DBSError('model', `population "${pop.name}" is a ${pop.constructor.name}; only Populations of Neuron models can be recreated with DBS mechanisms`);
      }
      const r = pop.refractory;
      return {
        name: pop.name, geometry: pop.geometry, neuron: pop.neuronType, stopCondition: pop.stopCondition,
        values: [...pop.init].map(([k, v]) => [k, typeof v === 'number' ? v : v.slice()] as const),
        refractory: typeof r === 'string' ? undefined : r,
      };
    });
    const projections = projs.map((p): ProjectionRecord => {
      if (!(p instanceof Projection) || p.constructor !== Projection) {
        throw new DBSError('model', `projection "${p.name}" is a ${p.constructor.name}; only Projections can be recreated with DBS mechanisms`);
      }
      if (!p.connectorCall) throw new DBSError('model', `projection "${p.name}" has no connectivity (call a connect method before creating the DBSstimulator)`);
      for (const [side, pop] of [['pre', p.pre], ['post', p.post]] as const) {
        if (!pops.includes(pop)) throw new DBSError('model', `projection "${p.name}" connects "${pop.name}" (its ${side}), which is not part of the model`);
      }
      return {
        name: p.name, pre: p.pre.name, post: p.post.name, preView: p.endpointView('pre'), postView: p.endpointView('post'),
        target: p.target, synapse: p.synapseType, spiking: p.spiking, call: p.connectorCall, values: [...p.init],
      };
    });
    return new DbsModelSnapshot(populations, projections);
  }

  /**
   * Checks that every neuron and synapse takes the DBS mechanisms (analyses the new
   * descriptions, and generates the neurons' code, which finds unknown symbols such as a reset
   * term's `c`), before anything is cleared: a model that cannot be recreated stays as it is.
   */
  check(): void {
    for (const p of this.populations) {
      try {
        addDbsToNeuron(p.neuron).kernelSource();
      } catch (e) {
        if (e instanceof DBSError) throw new DBSError(e.argument, `population "${p.name}": ${e.message.replace(/^DBSstimulator: \w+: /, '')}`);
        // the neuron lacks what the DBS terms use (u, or the axonal reset's c and d)
        if (e instanceof ModelError) throw new DBSError('autoImplement', `population "${p.name}": its neuron cannot take the DBS mechanisms: ${e.message}`);
        throw e;
      }
    }
    for (const p of this.projections) {
      addDbsToSynapse(p.synapse, p.spiking).analyse(p.spiking ? 'spike' : 'rate');
      // the engine delivers axonal spikes without delay (Projection.compile refuses delays)
      const delays = (p.call.args[0] as { delays?: unknown } | undefined)?.delays;
      if (p.spiking && delays !== undefined && !(typeof delays === 'number' && roundHalfEven(delays / currentNetwork().dt) <= 1)) {
        throw new DBSError('autoImplement', `projection "${p.name}" is spiking with delays (${typeof delays === 'number' ? `${delays} ms` : 'per synapse'}); axonal spikes (pre_axon_spike) are delivered without delay, so its DBS version cannot be built`);
      }
    }
  }

  /**
   * Creates the populations and projections again on the global network, with DBS mechanisms
   * (CompNeuroPy's `recreate_model`).
   */
  recreate(): void {
    for (const r of this.populations) {
      const pop = new Population(r.geometry, addDbsToNeuron(r.neuron), { name: r.name, stopCondition: r.stopCondition });
      for (const [k, v] of r.values) pop.set({ [k]: v });
      if (r.refractory !== undefined) pop.refractory = r.refractory;
    }
    for (const r of this.projections) {
      const net = currentNetwork();
      const end = (name: string, view: ProjectionRecord['preView']) => {
        const pop = net.getPopulation(name);
        return view ? { population: pop, ranks: view.ranks, geometry: view.geometry } : pop;
      };
      const proj = new Projection(end(r.pre, r.preView), end(r.post, r.postView), r.target, addDbsToSynapse(r.synapse, r.spiking), { name: r.name });
      (proj[r.call.method] as (...a: unknown[]) => unknown)(...r.call.args);
      for (const [k, v] of r.values) proj.set({ [k]: v });
    }
  }
}

/**
 * CompNeuroPy's `cnp_clear(functions=False, neurons=True, synapses=True, constants=False)`: the
 * global network is forgotten and every CompNeuroModel marked not created, while the global
 * functions and constants stay defined.
 *
 * @example
 * ```ts
 * new Constant('my_important_const', 0);
 * clearKeepingFunctionsAndConstants();
 * getConstant('my_important_const'); // still there
 * ```
 */
export function clearKeepingFunctionsAndConstants(): void {
  const constants = [...CONSTANTS.entries()];
  const functions = [...GLOBAL_FUNCTIONS];
  cnpClear();
  for (const [k, c] of constants) CONSTANTS.set(k, c);
  GLOBAL_FUNCTIONS.push(...functions.filter((f) => !GLOBAL_FUNCTIONS.some((g) => g.name === f.name)));
}
