import type { SynapseKernels } from '../../language/synapse-codegen.js';
import type { Network } from '../network.js';
import { Projection, type ProjectionEndpoint } from '../projection.js';

/**
 * Current injection from a rate-coded into a spiking population of the same size (ANNarchy
 * 4.7.3 `CurrentInjection`): at the input phase of every step (step 2),
 * `g_target[post] += pre.r[first pre neuron of its dendrite]`, with the rates of the end of the
 * previous step; weights and delays are ignored. Connect it with {@link CurrentInjection.connectCurrent}
 * (one-to-one, as `connect_one_to_one(weights=1)`).
 *
 * @example
 * ```ts
 * const inp = new Population(100, new Neuron({ equations: 'r = sin(t)' }));
 * const pop = new Population(100, new Izhikevich());
 * new CurrentInjection(inp, pop, 'exc').connectCurrent();
 * ```
 */
export class CurrentInjection extends Projection {
  private rIn: Float64Array = new Float64Array(0);
  private gOut: Float64Array = new Float64Array(0);

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string, name?: string) {
    super(pre, post, target, undefined, name);
  }

  protected override $checkEndpointTypes(): void {
    if (this.pre.spiking) throw new Error(`CurrentInjection "${this.name}": the pre-synaptic population "${this.pre.name}" must be rate-coded`);
    if (!this.post.spiking) throw new Error(`CurrentInjection "${this.name}": the post-synaptic population "${this.post.name}" must be spiking`);
    if (this.targets.length !== 1) throw new Error(`CurrentInjection "${this.name}": one target, got ${this.targets.join(', ')}`);
    if (this.$preEndpoint.size !== this.$postEndpoint.size) {
      throw new Error(`CurrentInjection "${this.name}": the pre- and post-synaptic populations must have the same size (${this.$preEndpoint.size} and ${this.$postEndpoint.size})`);
    }
  }

  /** ANNarchy's `connect_current()`: one-to-one with weight 1. */
  connectCurrent(): this {
    return this.connectOneToOne({ weights: 1.0 });
  }

  protected override $generateKernels(_net: Network): SynapseKernels {
    return { psp: undefined, preSpike: undefined, update: undefined, postSpike: undefined, plainPreSpike: false, source: {} };
  }

  override compile(net: Network): void {
    super.compile(net);
    this.pre.$requireStored(['r']);
    this.rIn = this.pre.$state!.local.r!;
    this.gOut = this.post.$state!.local[`g_${this.targets[0]}`]!;
  }

  override $computeInputs(_t: number): void {
    const S = this.$state;
    if (!S || !this.post.enabled) return;
    const g = this.gOut, r = this.rIn, post = S.postRank, pre = S.preRank, ptr = S.rowPtr;
    for (let i = 0; i < S.nDendrites; i++) g[post[i]!]! += r[pre[ptr[i]!]!]!;
  }

  override $pushDelays(): void {}
}
