import { CONSTANTS } from '../language/constant.js';
import { ModelError } from '../language/model-error.js';
import type { StructuralCondition } from '../language/structural-condition.js';
import type { StructuralEnv, StructuralKernel, StructuralKernelFactory } from '../language/structural-codegen.js';
import type { ProjectionKernelState } from '../language/synapse-codegen.js';
import { fitsUniformDelay, rebuildRows, type DendriteRows } from './structural-plasticity.js';
import type { Projection } from './projection.js';

/**
 * Options of `Projection.startCreating` / `startPruning` (ANNarchy `start_creating(period)`).
 *
 * @example
 * ```ts
 * proj.startPruning({ period: 100.0 });
 * ```
 */
export interface StructuralStartOptions {
  /** Milliseconds between evaluations (default `dt`: every step); `int(period / dt)` steps as in 4.7.3. */
  period?: number;
}

interface Schedule { on: boolean; period: number; offset: number }

/**
 * The `pruning` and `creating` conditions of one projection while the network runs (ANNarchy
 * 4.7.3's generated `pruning()` / `creating()`, called after the post-synaptic events and before
 * recording: all projections' creating, then all projections' pruning). A started condition is
 * evaluated in steps `t` with `(t - offset) % period == 0`, `offset` the step at which it was
 * started; the synapses it selects are removed or created in one rebuild of the projection.
 *
 * @example
 * ```ts
 * proj.startCreating({ period: 100 });   // uses the projection's StructuralConditions
 * ```
 */
export class StructuralConditions {
  private readonly schedule: Record<'pruning' | 'creating', Schedule> = {
    pruning: { on: false, period: 1, offset: 0 },
    creating: { on: false, period: 1, offset: 0 },
  };
  private readonly env: StructuralEnv;
  private kernels: { pruning?: StructuralKernel; creating?: StructuralKernel } = {};

  constructor(
    private readonly proj: Projection,
    private readonly factories: { pruning?: StructuralKernelFactory; creating?: StructuralKernelFactory },
    private readonly conditions: { pruning?: StructuralCondition; creating?: StructuralCondition },
  ) {
    const env: StructuralEnv = {
      rng: proj.network.rng,
      nPre: proj.pre.size,
      out: new Int32Array(64),
      u: new Float64Array(1),
      grow: () => {
        const a = new Int32Array(env.out.length * 2);
        a.set(env.out);
        env.out = a;
        return a;
      },
    };
    this.env = env;
  }

  /** Bind the kernels to a (re)built state and check the `d` flag against the projection's delays. */
  bind(S: ProjectionKernelState): void {
    this.kernels = {
      pruning: this.factories.pruning?.(S, CONSTANTS, this.env),
      creating: this.factories.creating?.(S, CONSTANTS, this.env),
    };
    const c = this.conditions.creating;
    if (c?.d !== undefined && this.proj.uniformDelay !== -1 && !fitsUniformDelay(c.d, this.proj.uniformDelay, this.proj.network.dt)) {
      throw new ModelError(`creating: a created synapse cannot have the delay d = ${c.d} ms: the delays of projection "${this.proj.name}" are all ${Math.max(1, this.proj.uniformDelay) * this.proj.network.dt} ms (as ANNarchy, new synapses take the common delay)`,
        { model: this.proj.synapseType.name, section: 'creating', line: c.line, statement: c.source, symbol: 'd' });
    }
  }

  /** `start_pruning` / `start_creating`: evaluate every `period` ms from the current step on. */
  start(kind: 'pruning' | 'creating', opts: StructuralStartOptions | number | undefined): void {
    const what = `Projection "${this.proj.name}".${kind === 'pruning' ? 'startPruning' : 'startCreating'}`;
    const o = typeof opts === 'number' ? { period: opts } : (opts ?? {});
    if (typeof o !== 'object') throw new Error(`${what}: expected { period } or a period in ms, got ${String(opts)}`);
    for (const k of Object.keys(o)) {
      if (k !== 'period') throw new Error(`${what}: unknown option "${k}"; expected period (ANNarchy 4.7.3 starts at the current step, it has no offset)`);
    }
    if (!this.factories[kind]) throw new Error(`${what}: the synapse "${this.proj.synapseType.name}" does not define a '${kind}' argument`);
    if (this.proj.uniformDelay === -1) throw new Error(`${what}: projections with per-synapse delays cannot change their synapses yet`);
    const dt = this.proj.network.dt;
    // 4.7.3: `if not period: period = dt`, then int(period / dt) steps
    const periodMs = o.period === undefined || o.period === 0 ? dt : o.period;
    if (typeof periodMs !== 'number' || !Number.isFinite(periodMs)) throw new Error(`${what}: period must be a number of ms, got ${String(o.period)}`);
    const steps = Math.trunc(periodMs / dt);
    if (steps < 1) throw new Error(`${what}: period must be at least dt (${dt} ms), got ${periodMs} ms`);
    this.schedule[kind] = { on: true, period: steps, offset: this.proj.network.currentStep };
  }

  /** `stop_pruning` / `stop_creating`. */
  stop(kind: 'pruning' | 'creating'): void {
    if (!this.factories[kind]) throw new Error(`Projection "${this.proj.name}".${kind === 'pruning' ? 'stopPruning' : 'stopCreating'}: the synapse "${this.proj.synapseType.name}" does not define a '${kind}' argument`);
    this.schedule[kind].on = false;
  }

  /** Whether the condition is started, and its period in steps. */
  state(kind: 'pruning' | 'creating'): { on: boolean; period: number; offset: number } {
    return { ...this.schedule[kind] };
  }

  private due(kind: 'pruning' | 'creating', t: number): boolean {
    const s = this.schedule[kind];
    // C++ `%` keeps the dividend's sign, as JavaScript's
    if (!s.on || (t - s.offset) % s.period !== 0) return false;
    // the network's generator is replaced by setSeed()
    this.env.rng = this.proj.network.rng;
    return true;
  }

  /** Step: remove the synapses whose pruning condition holds (and whose draw passed). */
  pruning(t: number): void {
    if (!this.due('pruning', t)) return;
    const n = this.kernels.pruning!(t);
    if (n === 0) return;
    const S = this.proj.$state!;
    const out = this.env.out;
    const rows: DendriteRows[] = new Array<DendriteRows>(S.nDendrites);
    const w = S.local.w!;
    let m = 0;
    for (let i = 0; i < S.nDendrites && m < n; i++) {
      const k1 = S.rowPtr[i + 1]!;
      if (out[m]! >= k1) continue;
      const row = { pre: [] as number[], w: [] as number[], from: [] as number[] };
      for (let k = S.rowPtr[i]!; k < k1; k++) {
        if (m < n && out[m] === k) { m++; continue; }
        row.pre.push(S.preRank[k]!);
        row.w.push(w[k]!);
        row.from.push(k);
      }
      rows[i] = row;
    }
    rebuildRows(this.proj, rows);
  }

  /** Step: create the synapses of the pairs whose creating condition holds (and whose draw passed). */
  creating(t: number): void {
    if (!this.due('creating', t)) return;
    const n = this.kernels.creating!(t);
    if (n === 0) return;
    const S = this.proj.$state!;
    const out = this.env.out;
    const w0 = this.conditions.creating!.w ?? 0.0;
    const w = S.local.w!;
    const rows: DendriteRows[] = new Array<DendriteRows>(S.nDendrites);
    for (let m = 0; m < n; m += 2) {
      const i = out[m]!, r = out[m + 1]!;
      let row = rows[i];
      if (!row) {
        const k0 = S.rowPtr[i]!, k1 = S.rowPtr[i + 1]!;
        row = { pre: Array.from(S.preRank.subarray(k0, k1)), w: Array.from(w.subarray(k0, k1)), from: Array.from({ length: k1 - k0 }, (_, j) => k0 + j) };
        rows[i] = row;
      }
      // 4.7.3 addSynapse: before the first synapse with a larger pre rank, else at the end
      let pos = row.pre.findIndex((p) => p > r);
      if (pos < 0) pos = row.pre.length;
      row.pre.splice(pos, 0, r);
      row.w.splice(pos, 0, w0);
      row.from.splice(pos, 0, -1);
    }
    rebuildRows(this.proj, rows);
  }
}
