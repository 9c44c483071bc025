import type { ProjectionKernelState } from '../../language/synapse-codegen.js';
import { Synapse } from '../../language/synapse.js';
import type { SynapseOperation } from '../../language/analyse-synapse.js';
import { Projection, type ProjectionEndpoint } from '../projection.js';

/** Options of {@link Copy}. */
export interface CopyOptions {
  /** Transmission of one synapse (default `pre.r * w`). */
  psp?: string;
  /** sum (default), max, min or mean. */
  operation?: SynapseOperation;
  name?: string;
}

/**
 * A rate-coded projection reusing the connectivity, weights and delays of an existing projection
 * (ANNarchy's `Copy` as documented; 4.7.3's own `connect_copy` raises an AttributeError): its
 * own `psp` and `operation`, no learning, and changes of the original's weights are seen at once
 * (the weights are shared). Pre and post must have the original's geometries.
 *
 * @example
 * ```ts
 * const proj = new Projection(pop1, pop2, 'exc');
 * proj.connectFixedProbability({ probability: 0.1, weights: 0.5 });
 * new Copy(pop1, pop3, 'exc').connectCopy(proj);
 * ```
 */
export class Copy extends Projection {
  /** The projection whose connectivity and weights are used (after {@link Copy.connectCopy}). */
  projection: Projection | undefined;

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string | string[], o: CopyOptions = {}) {
    if (o === null || typeof o !== 'object') throw new Error('Copy: expected an options object { psp, operation, name }');
    for (const k of Object.keys(o)) if (!['psp', 'operation', 'name'].includes(k)) throw new Error(`Copy: unknown option "${k}"; expected psp, operation or name`);
    super(pre, post, target, new Synapse({ psp: o.psp ?? 'pre.r * w', operation: o.operation ?? 'sum', name: 'Copy' }), o.name);
  }

  protected override $checkEndpointTypes(): void {
    if (this.pre.spiking || this.post.spiking) throw new Error(`Copy "${this.name}": Copy projections are rate-coded; "${this.pre.spiking ? this.pre.name : this.post.name}" is spiking`);
  }

  /**
   * Use the connectivity of `projection` (ANNarchy `connect_copy`).
   *
   * @example
   * ```ts
   * copy.connectCopy(proj);
   * ```
   */
  connectCopy(projection: Projection): this {
    const where = `Copy "${this.name}".connectCopy`;
    if (!(projection instanceof Projection)) throw new Error(`${where}: expected an existing Projection`);
    if (projection instanceof Copy) throw new Error(`${where}: a Copy cannot be copied; copy its original "${projection.projection?.name ?? '?'}"`);
    if (projection.network !== this.network) throw new Error(`${where}: "${projection.name}" belongs to another network`);
    if (projection.id > this.id) throw new Error(`${where}: "${projection.name}" must be created before the copy (projections compile in creation order)`);
    const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same(this.$preEndpoint.geometry, projection.pre.geometry) || !same(this.$postEndpoint.geometry, projection.post.geometry)) {
      throw new Error(`${where}: when copying a projection, the geometries must be the same (pre ${JSON.stringify(this.$preEndpoint.geometry)} vs ${JSON.stringify(projection.pre.geometry)}, post ${JSON.stringify(this.$postEndpoint.geometry)} vs ${JSON.stringify(projection.post.geometry)})`);
    }
    this.projection = projection;
    return this.$defineConnectivity('Copy', () => projection.lilConnectivity(), false);
  }

  /** The weights are the original's array: later changes of the original are transmitted. */
  protected override $adoptState(state: ProjectionKernelState): void {
    state.local.w = this.projection!.$state!.local.w!;
  }
}
