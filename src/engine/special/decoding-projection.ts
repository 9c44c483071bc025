import type { SynapseKernels } from '../../language/synapse-codegen.js';
import type { Network } from '../network.js';
import { Projection, type ProjectionEndpoint } from '../projection.js';

/** Options of {@link DecodingProjection}. */
export interface DecodingProjectionOptions {
  /** ms over which spikes are averaged (default dt). */
  window?: number;
  name?: string;
}

/**
 * Spike trains to firing rates (ANNarchy 4.7.3 `DecodingProjection`): spiking pre, rate-coded
 * post. Each step (input phase) the weights of the synapses whose pre neuron spiked in the
 * previous step are added per post neuron; the last `int(window/dt)` such sums are averaged and
 * `sum(target) += total / window_steps * 1000. / dt / n_pre` (n_pre: synapses of the dendrite), as
 * 4.7.3's generated code computes it. Delays are ignored; any connector works.
 *
 * @example
 * ```ts
 * const pop1 = new PoissonPopulation(1000, { rates: 100 });
 * const pop2 = new Population(1, new Neuron({ equations: 'r = sum(exc)' }));
 * new DecodingProjection(pop1, pop2, 'exc', { window: 10 }).connectAllToAll({ weights: 1.0, forceMultipleWeights: true });
 * ```
 */
export class DecodingProjection extends Projection {
  /** Averaging window in ms. */
  readonly window: number;
  private windowSteps = 1;
  private history: Float64Array[] = [];
  /** Slot of the newest sums in `history`. */
  private newest = 0;

  constructor(pre: ProjectionEndpoint, post: ProjectionEndpoint, target: string, o: DecodingProjectionOptions = {}) {
    if (o === null || typeof o !== 'object') throw new Error('DecodingProjection: expected an options object { window, name }');
    for (const k of Object.keys(o)) if (k !== 'window' && k !== 'name') throw new Error(`DecodingProjection: unknown option "${k}"; expected window or name`);
    super(pre, post, target, undefined, o.name);
    const w = o.window ?? 0.0;
    if (typeof w !== 'number' || !(w >= 0)) throw new Error(`DecodingProjection "${this.name}": window must be a non-negative number of ms, got ${String(w)}`);
    this.window = w === 0.0 ? this.network.dt : w;
  }

  protected override $checkEndpointTypes(): void {
    if (!this.pre.spiking) throw new Error(`DecodingProjection "${this.name}": the pre-synaptic population "${this.pre.name}" must be spiking`);
    if (this.post.spiking) throw new Error(`DecodingProjection "${this.name}": the post-synaptic population "${this.post.name}" must be rate-coded`);
    if (this.targets.length !== 1) throw new Error(`DecodingProjection "${this.name}": one target, got ${this.targets.join(', ')}`);
  }

  protected override $generateKernels(_net: Network): SynapseKernels {
    return { psp: undefined, preSpike: undefined, update: undefined, postSpike: undefined, plainPreSpike: false, source: {} };
  }

  override compile(net: Network): void {
    super.compile(net);
    this.windowSteps = Math.trunc(this.window / net.dt);
    if (this.windowSteps < 1) throw new Error(`DecodingProjection "${this.name}": window (${this.window} ms) is shorter than dt (${net.dt} ms)`);
    this.history = Array.from({ length: this.windowSteps }, () => new Float64Array(this.post.size));
    this.newest = 0;
  }

  override $computeInputs(_t: number): void {
    const S = this.$state;
    if (!S || !this.post.enabled) return;
    const pre = this.pre.$state!;
    const n = this.windowSteps;
    // push_front a new vector, pop_back the oldest: reuse the oldest slot
    this.newest = (this.newest + n - 1) % n;
    const rates = this.history[this.newest]!;
    rates.fill(0);
    const w = S.local.w!, ptr = this.$invPtr, syn = this.$synapseIndex(), dend = this.$invDend, postRank = S.postRank;
    for (let s = 0; s < pre.nSpiked; s++) {
      const r = pre.spiked[s]!;
      for (let x = ptr[r]!; x < ptr[r + 1]!; x++) rates[postRank[dend[x]!]!]! += w[syn[x]!]!;
    }
    const out = S.post.local[`_sum_${this.targets[0]}`]!;
    const dt = this.network.dt;
    for (let i = 0; i < S.nDendrites; i++) {
      const rk = S.postRank[i]!;
      let sum = 0.0;
      for (let step = 0; step < n; step++) sum += this.history[(this.newest + step) % n]![rk]!;
      out[rk]! += sum / n * 1000. / dt / (S.rowPtr[i + 1]! - S.rowPtr[i]!);
    }
  }

  override $saveRuntime(arrays: Record<string, Float64Array | Int32Array>): Record<string, unknown> {
    this.history.forEach((h, k) => { arrays[`_decoding_${k}`] = h.slice(); });
    return { ...super.$saveRuntime(arrays), newest: this.newest };
  }

  override $loadRuntime(r: Record<string, unknown>, arrays: Record<string, ArrayLike<number>>): void {
    super.$loadRuntime(r, arrays);
    this.newest = r.newest as number;
    this.history.forEach((h, k) => h.set(arrays[`_decoding_${k}`]!));
  }

  override $pushDelays(): void {}
}
