import { Population } from '../engine/population.js';
import { Projection } from '../engine/projection.js';
import { currentNetwork } from '../engine/magic-network.js';
import { DBSError } from './dbs-error.js';

/**
 * The settings `on()` can override (CompNeuroPy's keyword arguments of `DBSstimulator.on`, in
 * camelCase); `undefined` or `null` keeps the value given to the constructor.
 *
 * @example
 * ```ts
 * const o: DBSonOptions = { orthodromic: true, efferents: true, axonSpikesPerPulse: 2 };
 * dbs.on(o);
 * ```
 */
export interface DBSonOptions {
  /** Proportion of the stimulated population DBS affects, in [0, 1] (neurons chosen at random). */
  populationProportion?: number | null;
  /** Depolarisation of the stimulated population's soma during a pulse. */
  dbsDepolarization?: number | null;
  /** Axonal spikes travel orthodromically (to the post-synaptic targets). */
  orthodromic?: boolean | null;
  /** Axonal spikes travel antidromically (reset the soma of the axon's population; spiking only). */
  antidromic?: boolean | null;
  /** DBS acts on the efferent axons of the stimulated population. */
  efferents?: boolean | null;
  /** DBS acts on the afferent axons of the stimulated population. */
  afferents?: boolean | null;
  /** DBS acts on the projections of `passingFibresList`. */
  passingFibres?: boolean | null;
  /** Activation of each passing fibre in [0, 1] (one number for all, or one per fibre). */
  passingFibresStrength?: number | readonly number[] | null;
  /** Antidromic probability of a population with several passing fibres: sum of their strengths. */
  sumBranches?: boolean | null;
  /** Mean number of axonal spikes per pulse (>= 0). */
  axonSpikesPerPulse?: number | null;
  /** Rate forwarded on activated axons (rate-coded): a number, or per population name plus `default`. */
  axonRateAmp?: number | Readonly<Record<string, number>> | null;
  /** Seed of the choice of affected neurons (a non-negative integer). */
  seed?: number | null;
}

/** The settings after defaults and overrides, checked. */
export interface DBSSettings {
  populationProportion: number;
  dbsDepolarization: number;
  orthodromic: boolean;
  antidromic: boolean;
  efferents: boolean;
  afferents: boolean;
  passingFibres: boolean;
  passingFibresStrength: number | readonly number[];
  sumBranches: boolean;
  axonSpikesPerPulse: number;
  axonRateAmp: number | Readonly<Record<string, number>>;
  seed: number | undefined;
}

/** Option names of {@link DBSonOptions}. */
export const ON_KEYS = [
  'populationProportion', 'dbsDepolarization', 'orthodromic', 'antidromic', 'efferents', 'afferents', 'passingFibres',
  'passingFibresStrength', 'sumBranches', 'axonSpikesPerPulse', 'axonRateAmp', 'seed',
] as const;

/**
 * Throws a {@link DBSError} naming the first key of `o` not in `known`.
 *
 * @example
 * ```ts
 * checkKeys({ orthodromc: true }, ON_KEYS, 'on()'); // DBSError: orthodromc: unknown option of on() ...
 * ```
 */
export function checkKeys(o: object, known: readonly string[], where: string): void {
  if (o === null || typeof o !== 'object') throw new DBSError('options', `${where} expects an options object`);
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new DBSError(k, `unknown option of ${where}; expected one of ${known.join(', ')}`);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The settings `defaults` with the non-null values of `o`, each checked; throws a
 * {@link DBSError} naming the argument. `nFibres` is the length of the passing fibres list.
 *
 * @example
 * ```ts
 * const s = mergeSettings(defaults, { orthodromic: true }, 1);
 * ```
 */
export function mergeSettings(defaults: DBSSettings, o: DBSonOptions, nFibres: number): DBSSettings {
  const s: DBSSettings = { ...defaults };
  for (const k of ON_KEYS) {
    const v = o[k];
    if (v !== undefined && v !== null) (s as unknown as Record<string, unknown>)[k] = v;
  }
  for (const k of ['orthodromic', 'antidromic', 'efferents', 'afferents', 'passingFibres', 'sumBranches'] as const) {
    if (typeof s[k] !== 'boolean') throw new DBSError(k, `expected true or false, got ${String(s[k])}`);
  }
  if (!isNum(s.populationProportion) || s.populationProportion < 0 || s.populationProportion > 1) {
    throw new DBSError('populationProportion', `expected a number in [0, 1], got ${String(s.populationProportion)}`);
  }
  if (!isNum(s.dbsDepolarization)) throw new DBSError('dbsDepolarization', `expected a finite number, got ${String(s.dbsDepolarization)}`);
  if (!isNum(s.axonSpikesPerPulse) || s.axonSpikesPerPulse < 0) throw new DBSError('axonSpikesPerPulse', `expected a number >= 0, got ${String(s.axonSpikesPerPulse)}`);
  if (s.seed !== undefined && (!Number.isInteger(s.seed) || s.seed < 0 || s.seed >= 2 ** 32)) {
    throw new DBSError('seed', `expected an integer in [0, 2**32), got ${String(s.seed)}`);
  }
  const strengths = typeof s.passingFibresStrength === 'number' ? [s.passingFibresStrength] : s.passingFibresStrength;
  if (!Array.isArray(strengths) || strengths.some((x) => !isNum(x) || x < 0 || x > 1)) {
    throw new DBSError('passingFibresStrength', `expected a number in [0, 1] or a list of them, got ${JSON.stringify(s.passingFibresStrength)}`);
  }
  if (typeof s.passingFibresStrength !== 'number' && strengths.length !== nFibres) {
    throw new DBSError('passingFibresStrength', `expected one strength per passing fibre (${nFibres}), got ${strengths.length}`);
  }
  const amp = s.axonRateAmp;
  if (typeof amp !== 'number' || !Number.isFinite(amp)) {
    if (amp === null || typeof amp !== 'object' || Array.isArray(amp)) throw new DBSError('axonRateAmp', `expected a number or { populationName: number, default?: number }, got ${String(amp)}`);
    const names = new Set(currentNetwork().populationsList.map((p) => p.name));
    for (const [k, v] of Object.entries(amp)) {
      if (k !== 'default' && !names.has(k)) throw new DBSError('axonRateAmp', `"${k}" is neither a population nor "default"`);
      if (!isNum(v)) throw new DBSError('axonRateAmp', `the value for "${k}" must be a finite number, got ${String(v)}`);
    }
  }
  return s;
}

/** The object of `list` named `p` (or `p` itself, if it is in the list); a DBSError naming `argument` otherwise. */
function namedArgument<T extends { name: string }>(p: unknown, argument: string, kind: 'population' | 'projection', cls: abstract new (...a: never[]) => T, list: readonly { name: string }[]): T {
  const what = kind === 'population' ? 'Population' : 'Projection';
  const name = typeof p === 'string' ? p : p instanceof cls ? p.name : undefined;
  if (name === undefined) throw new DBSError(argument, `expected a ${what} or a ${kind} name, got ${p === null ? 'null' : typeof p}`);
  const found = list.find((x) => x.name === name);
  if (!(found instanceof cls) || (p instanceof cls && p !== found)) {
    throw new DBSError(argument, `no ${kind} "${name}" in the network; ${kind}s: ${list.map((x) => x.name).join(', ') || '(none)'}`);
  }
  return found;
}

/**
 * The population named or given, on the global network; throws a {@link DBSError} naming
 * `argument` otherwise.
 *
 * @example
 * ```ts
 * const stn = populationArgument('stn', 'stimulatedPopulation');
 * ```
 */
export function populationArgument(p: unknown, argument: string): Population {
  return namedArgument(p, argument, 'population', Population, currentNetwork().populationsList);
}

/**
 * The projection named or given, on the global network; throws a {@link DBSError} naming
 * `argument` otherwise.
 *
 * @example
 * ```ts
 * const fibre = projectionArgument('gpe_stn', 'passingFibresList[0]');
 * ```
 */
export function projectionArgument(p: unknown, argument: string): Projection {
  return namedArgument(p, argument, 'projection', Projection, currentNetwork().projectionsList);
}
