import { Population } from '../engine/population.js';
import { Projection } from '../engine/projection.js';
import { currentNetwork } from '../engine/magic-network.js';
import { CompNeuroModel } from '../experiment/comp-neuro-model.js';
import { annarchyCompiled } from '../experiment/model-functions.js';
import { DBSError } from './dbs-error.js';
import { DbsModelSnapshot, clearKeepingFunctionsAndConstants } from './dbs-model.js';
import { createDbsOnArray } from './dbs-on-array.js';
import { axonSpikesPerPulseToProb, checkPulse, setDbsConstants } from './dbs-pulse.js';
import { ON_KEYS, checkKeys, mergeSettings, populationArgument, projectionArgument, type DBSSettings, type DBSonOptions } from './dbs-settings.js';

/**
 * Options of {@link DBSstimulator}: CompNeuroPy's keyword arguments in camelCase. Populations and
 * projections may be given as objects or by name.
 *
 * @example
 * ```ts
 * const o: DBSstimulatorOptions = { stimulatedPopulation: 'my_pop1', populationProportion: 0.5, dbsDepolarization: 30, autoImplement: true };
 * new DBSstimulator(o);
 * ```
 */
export interface DBSstimulatorOptions extends Omit<DBSonOptions, 'passingFibresStrength'> {
  /** The population DBS stimulates. */
  stimulatedPopulation: Population | string;
  /** Populations DBS does not affect through the stimulated population's axons. */
  excludedPopulationsList?: readonly (Population | string)[];
  /** Projections passing the stimulated region. */
  passingFibresList?: readonly (Projection | string)[];
  passingFibresStrength?: number | readonly number[] | null;
  /** Pulse frequency in Hz (default 130). */
  dbsPulseFrequencyHz?: number;
  /** Pulse width in microseconds (default 300). */
  dbsPulseWidthUs?: number;
  /** Recreate the model with the DBS mechanisms added (default false: the neurons and synapses have them already). */
  autoImplement?: boolean;
  /** Recreate only this (created, not compiled) model, as a new model `<name>_dbs` (`dbs.model`). */
  model?: CompNeuroModel<any>;
}

const CTOR_KEYS = [
  'stimulatedPopulation', 'excludedPopulationsList', 'passingFibresList', 'dbsPulseFrequencyHz', 'dbsPulseWidthUs', 'autoImplement', 'model',
  ...ON_KEYS,
];

type Target = Population | Projection;

/** Assignments collected first and applied together, so that a bad setting applies nothing. */
class Assignments {
  private readonly list: [Target, string, Float64Array | number][] = [];

  /** Attributes the model lacks are skipped, as CompNeuroPy's `setattr` on them has no effect. */
  set(target: Target, name: string, value: Float64Array | number): void {
    if (target.attributes.includes(name)) this.list.push([target, name, value]);
  }

  apply(): void {
    for (const [t, name, v] of this.list) t.set({ [name]: v });
  }
}

/**
 * Deep brain stimulation of a population (CompNeuroPy's `DBSstimulator`). With `autoImplement`
 * it analyses the populations and projections of the network (or of `model`), clears the network
 * (functions and constants stay) and creates them again with the DBS mechanisms in their
 * equations, keeping every parameter and variable value, connect call and delay; a run with DBS
 * off gives the numbers of the original model (when the model draws no random numbers of its
 * own: the added uniform variables use the same generator). Populations and projections held
 * before are then stale: use names or {@link DBSstimulator.updatePointers}. Create it before
 * `compile()`.
 *
 * During a pulse (`pulse(t)`, see `DBS_PULSE_FUNCTION`) `on()` applies the
 * depolarisation term to the stimulated neurons and, for orthodromic / antidromic stimulation of
 * efferent, afferent or passing fibres, axonal spikes that reach the post-synaptic targets
 * (`pre_axon_spike`) and / or reset the soma of the axon's population.
 *
 * @example
 * ```ts
 * setup({ dt: 0.1 });
 * let population1 = new Population(10, new Izhikevich(), 'my_pop1');
 * let population2 = new Population(10, new Izhikevich(), 'my_pop2');
 * const dbs = new DBSstimulator({ stimulatedPopulation: population1, populationProportion: 0.5, dbsDepolarization: 30, autoImplement: true });
 * [population1, population2] = dbs.updatePointers([population1, population2]) as Population[];
 * compile();
 * simulate(1000);
 * dbs.on();
 * simulate(1000);
 * dbs.off();
 * simulate(1000);
 * ```
 */
export class DBSstimulator {
  /** The stimulated population (of the recreated model with `autoImplement`). */
  readonly stimulatedPopulation: Population;
  readonly excludedPopulationsList: readonly Population[];
  readonly passingFibresList: readonly Projection[];
  /** The recreated model `<name>_dbs` (with `model` and `autoImplement`), else the given model. */
  readonly model: CompNeuroModel<any> | undefined;
  readonly dbsPulseWidthUs: number;
  /** Which neurons of the stimulated population DBS affects (1) for the constructor's proportion and seed. */
  readonly dbsOnArray: Float64Array;
  private readonly defaults: DBSSettings;

  constructor(opts: DBSstimulatorOptions) {
    checkKeys(opts, CTOR_KEYS, 'DBSstimulator');
    const { autoImplement = false, model, dbsPulseFrequencyHz = 130, dbsPulseWidthUs = 300 } = opts;
    if (typeof autoImplement !== 'boolean') throw new DBSError('autoImplement', `expected true or false, got ${String(autoImplement)}`);
    checkPulse(dbsPulseFrequencyHz, dbsPulseWidthUs);
    if (model !== undefined && !(model instanceof CompNeuroModel)) throw new DBSError('model', 'expected a CompNeuroModel');
    let stimulated = populationArgument(opts.stimulatedPopulation, 'stimulatedPopulation');
    let excluded = (opts.excludedPopulationsList ?? []).map((p, i) => populationArgument(p, `excludedPopulationsList[${i}]`));
    let fibres = (opts.passingFibresList ?? []).map((p, i) => projectionArgument(p, `passingFibresList[${i}]`));
    if (model) {
      if (!model.created) throw new DBSError('model', `the model "${model.name}" is not created`);
      for (const [p, what] of [[stimulated, 'stimulatedPopulation'], ...excluded.map((e, i) => [e, `excludedPopulationsList[${i}]`] as const)] as const) {
        if (!model.populations.includes(p.name)) throw new DBSError(what, `"${p.name}" is not a population of the model "${model.name}"`);
      }
      fibres.forEach((f, i) => {
        if (!model.projections.includes(f.name)) throw new DBSError(`passingFibresList[${i}]`, `"${f.name}" is not a projection of the model "${model.name}"`);
      });
    }
    const defaults = mergeSettings({
      populationProportion: 1.0, dbsDepolarization: 0.0, orthodromic: false, antidromic: false, efferents: false, afferents: false,
      passingFibres: false, passingFibresStrength: 1.0, sumBranches: true, axonSpikesPerPulse: 1.0, axonRateAmp: 1.0, seed: undefined,
    }, opts, fibres.length);

    let newModel = model;
    if (autoImplement) {
      if (annarchyCompiled()) throw new DBSError('autoImplement', 'the network is compiled; create the DBSstimulator before compile()');
      const snapshot = DbsModelSnapshot.of(model?.populations, model?.projections);
      // the new descriptions call pulse(): it must exist when they are analysed
      const undo = setDbsConstants(dbsPulseFrequencyHz, dbsPulseWidthUs);
      try {
        snapshot.check();
      } catch (e) {
        undo();
        throw e;
      }
      clearKeepingFunctionsAndConstants();
      if (model) {
        newModel = new CompNeuroModel({
          modelCreationFunction: () => snapshot.recreate(),
          name: `${model.name}_dbs`,
          description: `${model.description}\nWith DBS mechanisms implemented.`,
          doCompile: false,
          compileFolderName: `${model.compileFolderName}_dbs`,
        });
      } else snapshot.recreate();
      const net = currentNetwork();
      stimulated = net.getPopulation(stimulated.name);
      excluded = excluded.map((p) => net.getPopulation(p.name));
      fibres = fibres.map((p) => net.getProjection(p.name) as Projection);
    } else {
      if (!stimulated.attributes.includes('dbs_on')) {
        throw new DBSError('stimulatedPopulation', `"${stimulated.name}" has no DBS mechanisms (no parameter dbs_on); use autoImplement: true`);
      }
      setDbsConstants(dbsPulseFrequencyHz, dbsPulseWidthUs);
    }
    this.stimulatedPopulation = stimulated;
    this.excludedPopulationsList = excluded;
    this.passingFibresList = fibres;
    this.model = newModel;
    this.dbsPulseWidthUs = dbsPulseWidthUs;
    this.defaults = defaults;
    this.dbsOnArray = createDbsOnArray(stimulated.size, defaults.populationProportion, defaults.seed);
  }

  private populations(): Population[] {
    return [...currentNetwork().populationsList];
  }

  private projections(filter: (p: Projection) => boolean = () => true): Projection[] {
    return currentNetwork().projectionsList.filter((p): p is Projection => p instanceof Projection && filter(p));
  }

  /**
   * Switches DBS on (CompNeuroPy's `on()`): `dbs_on` is the affected neurons' mask in the
   * stimulated population and 1 elsewhere, the depolarisation applies to the stimulated
   * population only, and the axonal settings are reset, then set for orthodromic and antidromic
   * stimulation. Options override the constructor's values for this call; a bad option applies
   * nothing.
   *
   * @example
   * ```ts
   * dbs.on({ orthodromic: true, efferents: true });
   * simulate(500);
   * ```
   */
  on(opts: DBSonOptions = {}): void {
    checkKeys(opts, ON_KEYS, 'on()');
    const s = mergeSettings(this.defaults, opts, this.passingFibresList.length);
    const stim = this.stimulatedPopulation;
    const dbsOn = s.seed === this.defaults.seed && s.populationProportion === this.defaults.populationProportion
      ? this.dbsOnArray
      : createDbsOnArray(stim.size, s.populationProportion, s.seed);
    const strengths = typeof s.passingFibresStrength === 'number'
      ? this.passingFibresList.map(() => s.passingFibresStrength as number)
      : [...s.passingFibresStrength];
    const amp: Readonly<Record<string, number>> = typeof s.axonRateAmp === 'number' ? { default: s.axonRateAmp } : { default: 1.0, ...s.axonRateAmp };
    const prob = axonSpikesPerPulseToProb(s.axonSpikesPerPulse, currentNetwork().dt, this.dbsPulseWidthUs);
    const a = new Assignments();
    for (const pop of this.populations()) a.set(pop, 'dbs_on', pop === stim ? dbsOn.slice() : 1);
    for (const pop of this.populations()) a.set(pop, 'dbs_depolarization', pop === stim ? s.dbsDepolarization : 0);
    this.deactivateAxons(a);
    if (s.orthodromic) this.setOrthodromic(a, s, strengths, prob, amp);
    if (s.antidromic) this.setAntidromic(a, s, strengths, prob, dbsOn);
    a.apply();
  }

  /**
   * Switches DBS off: `dbs_on`, `prob_axon_spike` and `axon_rate_amp` 0 everywhere, no
   * antidromic or orthodromic transmission.
   *
   * @example
   * ```ts
   * dbs.off();
   * ```
   */
  off(): void {
    const a = new Assignments();
    for (const pop of this.populations()) {
      a.set(pop, 'dbs_on', 0);
      a.set(pop, 'prob_axon_spike', 0);
      a.set(pop, 'axon_rate_amp', 0);
    }
    this.deactivateAxons(a);
    a.apply();
  }

  /**
   * The populations and projections of the current network with the names of the given ones
   * (CompNeuroPy's `update_pointers`), for references made before `autoImplement` recreated them.
   *
   * @example
   * ```ts
   * const [pop1, proj] = dbs.updatePointers([oldPop1, oldProj]);
   * ```
   */
  updatePointers(pointerList: readonly (Population | Projection)[]): (Population | Projection)[] {
    if (!Array.isArray(pointerList)) throw new DBSError('pointerList', 'expected a list of Populations and Projections');
    const net = currentNetwork();
    return pointerList.map((p, i) => {
      const where = `pointerList[${i}]`;
      try {
        if (p instanceof Population) return net.getPopulation(p.name);
        if (p instanceof Projection) return net.getProjection(p.name) as Projection;
      } catch (e) {
        throw new DBSError(where, (e as Error).message);
      }
      throw new DBSError(where, `${String(p)} is neither a Population nor a Projection`);
    });
  }

  private deactivateAxons(a: Assignments): void {
    for (const pop of this.populations()) {
      a.set(pop, 'prob_axon_spike', 0);
      a.set(pop, 'axon_rate_amp', 0);
      a.set(pop, 'antidromic', 0);
      a.set(pop, 'antidromic_prob', 0);
    }
    // CompNeuroPy also sets proj.axon_transmission, an attribute no synapse has (no effect)
    for (const proj of this.projections()) a.set(proj, 'p_axon_spike_trans', 0);
  }

  /** Axonal spikes (spiking) or rates (rate-coded) forwarded by the pre population of `proj`. */
  private activate(a: Assignments, proj: Projection, pTrans: number, prob: number, amp: Readonly<Record<string, number>>): void {
    a.set(proj, 'p_axon_spike_trans', pTrans);
    a.set(proj.pre, 'prob_axon_spike', prob);
    a.set(proj.pre, 'axon_rate_amp', amp[proj.pre.name] ?? amp.default!);
  }

  private setOrthodromic(a: Assignments, s: DBSSettings, strengths: number[], prob: number, amp: Readonly<Record<string, number>>): void {
    const stim = this.stimulatedPopulation;
    const excluded = this.excludedPopulationsList;
    if (s.efferents) for (const proj of this.projections((p) => p.pre === stim && !excluded.includes(p.post))) this.activate(a, proj, 1, prob, amp);
    if (s.afferents) for (const proj of this.projections((p) => p.post === stim && !excluded.includes(p.pre))) this.activate(a, proj, 1, prob, amp);
    if (s.passingFibres) this.passingFibresList.forEach((proj, i) => this.activate(a, proj, strengths[i]!, prob, amp));
  }

  private setAntidromic(a: Assignments, s: DBSSettings, strengths: number[], prob: number, dbsOn: Float64Array): void {
    const stim = this.stimulatedPopulation;
    const antidromic = (pop: Population, p: number) => {
      a.set(pop, 'antidromic', 1);
      a.set(pop, 'antidromic_prob', p);
      a.set(pop, 'prob_axon_spike', prob);
    };
    if (s.efferents) antidromic(stim, 1);
    if (s.afferents) {
      // np.mean(dbs_on): the proportion of affected neurons
      let mean = 0;
      for (const x of dbsOn) mean += x;
      mean /= dbsOn.length;
      const pres = [...new Set(this.projections((p) => p.post === stim && !this.excludedPopulationsList.includes(p.pre)).map((p) => p.pre))];
      for (const pop of pres) antidromic(pop, mean);
    }
    if (s.passingFibres) {
      const pres = [...new Set(this.passingFibresList.map((p) => p.pre))];
      for (const pop of pres) {
        const own = this.passingFibresList.flatMap((p, i) => (p.pre === pop ? [strengths[i]!] : []));
        let p: number;
        if (s.sumBranches) p = own.reduce((x, y) => x + y, 0);
        else {
          if (new Set(own).size !== 1) throw new DBSError('passingFibresStrength', `different strengths for the passing fibres of "${pop.name}" (${own.join(', ')}) are not possible with sumBranches: false`);
          p = own[0]!;
        }
        if (p > 1) throw new DBSError('passingFibresStrength', `the strengths of the passing fibres of "${pop.name}" sum to ${p} > 1 (an antidromic spike probability above 1)`);
        antidromic(pop, p);
      }
    }
  }
}
