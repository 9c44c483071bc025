/**
 * CompNeuroPy's full model `BGM`: the spiking basal-ganglia model of Goenner et al. (2021), in
 * the versions and parameter sets of CompNeuroPy's `full_models/bgm_22` (MIT, Copyright (c) 2022
 * Oliver Maith), built from the shipped structure ({@link BGM_VERSIONS}) and parameter table
 * ({@link BGM_PARAMETERS_CSV}).
 * @packageDocumentation
 */
import { csvParseRows } from 'd3-dsv';
import { Population } from '../../../engine/population.js';
import { Projection } from '../../../engine/projection.js';
import { getPopulation, getProjection } from '../../../engine/global-functions.js';
import {
  DiscreteUniform, Exponential, Gamma, LogNormal, NumpyRandomState, Normal, Uniform, type RandomDistribution,
} from '../../../engine/random/index.js';
import type { Neuron } from '../../../language/neuron.js';
import type { Synapse } from '../../../language/synapse.js';
import { CompNeuroModel } from '../../../experiment/comp-neuro-model.js';
import * as library from '../../index.js';
import { BGM_PARAMETERS_CSV } from './bgm-parameters.js';
import { BGM_VERSIONS } from './bgm-versions.js';

/** A parameter value of the table: a number, or a string (connectivity name, distribution, ...). */
export type BgmParameter = number | string;

/**
 * The parameters of one column of the table (`_get_params`): rows `<compartment>.<param>`,
 * `###` rows and empty cells skipped, numbers parsed, everything else kept as text.
 *
 * @example
 * ```ts
 * getBgmParams('BGM_v01_p01')['str_d1.size']; // 100
 * ```
 */
export function getBgmParams(name: string): Record<string, BgmParameter> {
  const rows = csvParseRows(BGM_PARAMETERS_CSV).filter((r) => r[0] !== '' && r[0] !== undefined);
  const header = rows.find((r) => r[0] === 'general.id');
  if (!header) throw new Error('BGM: the parameter table has no general.id row');
  const idx = header.indexOf(name, 1);
  if (idx < 1) {
    throw new Error(`No Parameters available for given model name ${name}! (parameter sets: ${header.slice(1).filter((x) => x !== '').join(', ')})`);
  }
  const params: Record<string, BgmParameter> = {};
  for (const row of rows) {
    if (row[0]!.includes('###')) continue;
    const value = (row[idx] ?? '').trim();
    if (value === '') continue;
    const num = Number(value);
    params[row[0]!] = value !== '' && Number.isFinite(num) ? num : value;
  }
  return params;
}

const DISTRIBUTIONS: Record<string, (...a: number[]) => RandomDistribution> = {
  Uniform: (a, b) => new Uniform(a!, b!),
  DiscreteUniform: (a, b) => new DiscreteUniform(a!, b!),
  Normal: (m, s, lo, hi) => new Normal(m!, s!, lo, hi),
  LogNormal: (m, s, lo, hi) => new LogNormal(m!, s!, lo, hi),
  Exponential: (l) => new Exponential(l!),
  Gamma: (k, t) => new Gamma(k!, t!),
};

/** `Uniform(0.0, 10.0)` etc. as a RandomDistribution, numbers as numbers (CompNeuroPy evaluates these with Python's eval). */
function parseValue(where: string, v: BgmParameter): number | RandomDistribution {
  if (typeof v === 'number') return v;
  const m = /^\s*(\w+)\s*\(([^()]*)\)\s*$/.exec(v);
  const make = m ? DISTRIBUTIONS[m[1]!] : undefined;
  if (!m || !make) throw new Error(`BGM: ${where} = "${v}" is neither a number nor a distribution (${Object.keys(DISTRIBUTIONS).join(', ')})`);
  const args = m[2]!.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (args.some((x) => !Number.isFinite(x))) throw new Error(`BGM: ${where} = "${v}" has non-numeric arguments`);
  return make(...args);
}

const CONNECTIVITIES = ['connect_fixed_number_pre', 'connect_all_to_all', 'connect_one_to_one', 'connect_fixed_probability'] as const;
const CONNECT_ARGS: Record<string, string> = {
  weights: 'weights', delays: 'delays', number: 'number', probability: 'probability',
  allow_self_connections: 'allowSelfConnections', force_multiple_weights: 'forceMultipleWeights',
};

/** Options of {@link BGM} (CompNeuroPy keywords in camelCase). */
export interface BGMOptions {
  /** `BGM_v<model version>_p<parameter set>` (default `BGM_v01_p01`); picks a column of the table. */
  name?: string;
  doCreate?: boolean;
  doCompile?: boolean;
  /** Accepted for compatibility; unused (compiling writes no folder). */
  compileFolderName?: string;
  /** Seed of the generator drawing the per-neuron noise rates (default: random). */
  seed?: number;
  /** Appended as `:<appendix>` to every compartment name and parameter key. */
  nameAppendix?: string;
}

/**
 * The basal-ganglia model (`BGM(name="BGM_v01_p01", ...)`): populations and projections of the
 * model version, then the parameter set applied as CompNeuroPy does: `<pop>.<attr>` and
 * `<attr>_init` values (distributions sampled per neuron; `base_mean` also sets `I_base`),
 * noise rates (`mean_rate_noise` with `rate_sd_noise`: one normal draw per neuron), the
 * connectivity of every projection with its arguments, then the remaining projection
 * parameters (`mod_factor`, `max_trans`).
 *
 * @example
 * ```ts
 * setup({ dt: 0.1, seed: 1 });
 * const model = new BGM({ name: 'BGM_v01_p01', seed: 1 });
 * model.populations.length; // 14
 * ```
 */
export class BGM extends CompNeuroModel<Record<string, never>> {
  /** The parameter set (keys with the name appendix). */
  params: Record<string, BgmParameter>;
  readonly nameAppendix: string;
  readonly seed: number | undefined;
  private readonly versionName: string;
  private readonly suffix: string;
  private readonly rng: NumpyRandomState;

  constructor(opts: BGMOptions = {}) {
    const { name = 'BGM_v01_p01', doCreate = true, doCompile = true, seed, nameAppendix = '' } = opts;
    const parts = typeof name === 'string' ? name.split('_') : [];
    if (!(parts.length === 3 && parts[0] === 'BGM' && parts[1]!.startsWith('v') && parts[2]!.startsWith('p'))) {
      throw new Error(`name has to be of the form 'BGM_v*model_version*_p*parameters_version*', got ${JSON.stringify(name)}`);
    }
    const versionName = `${parts[0]}_${parts[1]}`;
    if (!BGM_VERSIONS[versionName]) {
      throw new Error(`BGM: unknown model version ${versionName} (versions: ${Object.keys(BGM_VERSIONS).join(', ')})`);
    }
    const params = getBgmParams(name);
    const suffix = nameAppendix.length > 0 ? `:${nameAppendix}` : '';
    let self: BGM | undefined;
    super({
      modelCreationFunction: () => self!.createStructure(),
      name: name + suffix,
      description: 'The basal ganglia model based on the model from Goenner et al. (2021)',
      doCreate: false,
      doCompile: false,
      compileFolderName: opts.compileFolderName ?? `annarchy_${versionName}`,
    });
    self = this;
    this.versionName = versionName;
    this.suffix = suffix;
    this.nameAppendix = nameAppendix;
    this.seed = seed;
    this.rng = new NumpyRandomState(seed ?? Math.floor(Math.random() * 2 ** 32));
    this.params = Object.fromEntries(
      Object.entries(params).map(([k, v]) => {
        const [obj, p] = k.split('.') as [string, string];
        return [obj === 'general' ? k : `${obj}${suffix}.${p}`, v];
      }),
    );
    if (doCreate) this.create({ doCompile });
  }

  /** Creates the model, sets its parameters and connections, and compiles it unless `doCompile: false`. */
  override create(opts: { doCompile?: boolean; compileFolderName?: string; warn?: boolean } = {}): void {
    if (this.created) {
      super.create(opts); // prints "model ... already created!"
      return;
    }
    super.create({ ...opts, doCompile: false });
    this.setParams();
    this.setNoiseValues();
    this.setConnections();
    if (opts.doCompile ?? true) this.compile({ warn: opts.warn });
  }

  private size(pop: string): number {
    const s = this.params[`${pop}${this.suffix}.size`];
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 1) {
      throw new Error(`BGM ${this.name}: parameter ${pop}.size is missing or not a positive integer (parameters id: ${String(this.params['general.id'])})`);
    }
    return s;
  }

  private createStructure(): void {
    const lib = library as unknown as Record<string, Neuron | Synapse>;
    const { populations, projections } = BGM_VERSIONS[this.versionName]!;
    for (const [pop, neuron, stopCondition] of populations) {
      new Population(this.size(pop), lib[neuron] as Neuron, { name: pop + this.suffix, stopCondition });
    }
    for (const [pre, post, target, synapse] of projections) {
      new Projection(pre + this.suffix, post + this.suffix, target, lib[synapse] as Synapse, `${pre}__${post}${this.suffix}`);
    }
  }

  private entries(): { obj: string; name: string; value: BgmParameter; key: string }[] {
    return Object.entries(this.params).map(([key, value]) => {
      const [obj, name] = key.split('.') as [string, string];
      return { obj, name, value, key };
    });
  }

  private setParams(): void {
    for (const { obj, name: raw, value, key } of this.entries()) {
      if (raw.endsWith('_noise') || !this.populations.includes(obj)) continue;
      const name = raw.endsWith('_init') ? raw.slice(0, -'_init'.length) : raw;
      if (!getPopulation(obj).attributes.includes(name)) continue;
      const v = parseValue(key, value);
      this.setParam(obj, name, v);
      if (name === 'base_mean') this.setParam(obj, 'I_base', v);
    }
  }

  private setNoiseValues(): void {
    for (const { obj, name, value, key } of this.entries()) {
      if (!this.populations.includes(obj) || !name.endsWith('_noise')) continue;
      if (name === 'mean_rate_noise') {
        const sd = this.params[`${obj}.rate_sd_noise`] ?? 0;
        if (typeof value !== 'number' || typeof sd !== 'number') throw new Error(`BGM ${this.name}: ${key} and ${obj}.rate_sd_noise must be numbers`);
        this.setParam(obj, 'rates_noise', sd !== 0 ? this.rng.normal(value, sd, getPopulation(obj).size) : value);
      } else if (getPopulation(obj).attributes.includes(name)) {
        this.setParam(obj, name, parseValue(key, value));
      }
    }
  }

  private setConnections(): void {
    const already = new Map<string, string[]>();
    const failures: string[] = [];
    for (const proj of this.projections) {
      const connectivity = this.params[`${proj}.connectivity`];
      if (connectivity === undefined) {
        throw new Error(`ERROR: missing connectivity parameter for ${proj}: ${proj}.connectivity needed! (parameters id: ${String(this.params['general.id'])})`);
      }
      if (!(CONNECTIVITIES as readonly unknown[]).includes(connectivity)) {
        throw new Error(`ERROR: wrong connectivity parameter for ${proj}.connectivity! (parameters id: ${String(this.params['general.id'])}, possible: ${CONNECTIVITIES.join(', ')})`);
      }
      const kwargs: Record<string, unknown> = {};
      const used: string[] = [];
      for (const [py, ts] of Object.entries(CONNECT_ARGS)) {
        const v = this.params[`${proj}.${py}`];
        if (v === undefined) continue;
        kwargs[ts] = parseValue(`${proj}.${py}`, v);
        used.push(py);
      }
      try {
        const p = getProjection(proj) as unknown as Record<string, (o: unknown) => unknown>;
        const method = (connectivity as string).replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
        p[method]!.call(p, kwargs);
        already.set(proj, used);
      } catch (e) {
        failures.push(`ERROR: ${proj} ${(e as Error).message}`);
      }
    }
    if (failures.length > 0) throw new Error(`Setting connectivities failed:\n${failures.join('\n')}`);
    for (const { obj, name, value, key } of this.entries()) {
      if (obj === 'general' || !this.projections.includes(obj) || already.get(obj)!.includes(name)) continue;
      if (!(getProjection(obj) as unknown as { attributes: readonly string[] }).attributes.includes(name)) continue;
      this.setParam(obj, name, parseValue(key, value));
    }
  }
}
