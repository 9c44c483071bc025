import { currentNetwork } from './magic-network.js';
import type { Network } from './network.js';
import { Projection } from './projection.js';

/** Options of {@link enableLearning} (ANNarchy `enable_learning(projections, period, offset)`). */
export interface EnableLearningOptions {
  /** Default: every projection of the network. */
  projections?: Projection[];
  /** ms between continuous updates (default dt). */
  period?: number;
  /** ms, relative to the current time, smaller than the period. */
  offset?: number;
  /** Default: the global network. */
  network?: Network;
}

function projectionsOf(o: { projections?: Projection[]; network?: Network }, where: string): Projection[] {
  if (o.projections !== undefined) {
    if (!Array.isArray(o.projections) || o.projections.some((p) => !(p instanceof Projection))) throw new Error(`${where}: projections must be a list of Projection objects`);
    return o.projections;
  }
  return (o.network ?? currentNetwork()).projectionsList.filter((p): p is Projection => p instanceof Projection);
}

function checkKeys(o: object, keys: string[], where: string): void {
  if (o === null || typeof o !== 'object') throw new Error(`${where}: expected an options object { ${keys.join(', ')} }`);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new Error(`${where}: unknown option "${k}"; expected ${keys.join(', ')}`);
}

/**
 * Enable learning of all (or the given) projections (ANNarchy `enable_learning`): see
 * {@link Projection.enableLearning}. Arguments are checked for every projection before any
 * changes.
 *
 * @example
 * ```ts
 * enableLearning({ period: 10, offset: 5 });
 * ```
 */
export function enableLearning(o: EnableLearningOptions = {}): void {
  checkKeys(o, ['projections', 'period', 'offset', 'network'], 'enableLearning');
  const list = projectionsOf(o, 'enableLearning');
  const { period, offset } = o;
  if (period !== undefined && offset !== undefined && offset >= period) throw new Error('enableLearning: the offset must be smaller than the period');
  if (period === undefined && offset !== undefined) throw new Error('enableLearning: if you define an offset, you have to define a period');
  for (const p of list) p.enableLearning({ period, offset });
}

/**
 * Disable learning of all (or the given) projections (ANNarchy `disable_learning`): rate-coded
 * projections stop updating, spiking ones keep `w` fixed (see {@link Projection.disableLearning}).
 *
 * @example
 * ```ts
 * disableLearning();
 * disableLearning({ projections: [proj] });
 * ```
 */
export function disableLearning(o: { projections?: Projection[]; network?: Network } = {}): void {
  checkKeys(o, ['projections', 'network'], 'disableLearning');
  for (const p of projectionsOf(o, 'disableLearning')) p.disableLearning();
}
