import { editDendrite } from './structural-plasticity.js';
import { coerce } from './attribute-value.js';
import type { Projection } from './projection.js';

/** Accessors `obj.name` -> `obj.get(name)` / `obj.set({ name })`; member names keep precedence. */
function defineAttributes(obj: { get(name: string): unknown; set(values: Record<string, any>): void }, names: readonly string[]): void {
  for (const name of names) {
    if (name in obj) continue;
    Object.defineProperty(obj, name, {
      get: () => obj.get(name),
      set: (v: unknown) => obj.set({ [name]: v }),
      enumerable: true,
    });
  }
}

/**
 * The synapses of one post-synaptic neuron in a projection (ANNarchy's `Dendrite`).
 * Per-synapse attributes read as arrays over the dendrite's pre neurons, per-neuron and
 * projection-wide ones as numbers.
 *
 * @example
 * ```ts
 * const d = proj.dendrite(3);
 * d.preRanks;          // [0, 2, 5]
 * d.get('w');          // [0.1, 0.4, 0.3]
 * d.set({ w: [1, 1, 1] });
 * ```
 */
export class Dendrite {
  /** Attribute access by name (`d.w`, `d.w = [..]`), as ANNarchy's `dendrite.w`. */
  [attribute: string]: any;

  readonly proj: Projection;
  /** Rank of the post-synaptic neuron. */
  readonly postRank: number;
  /** Index of the dendrite in the projection. */
  readonly index: number;

  constructor(proj: Projection, postRank: number, index: number) {
    this.proj = proj;
    this.postRank = postRank;
    this.index = index;
    defineAttributes(this, proj.attributes);
  }

  private range(): [number, number] {
    const S = this.proj.$state!;
    return [S.rowPtr[this.index]!, S.rowPtr[this.index + 1]!];
  }

  /** Number of synapses. */
  get size(): number {
    const [a, b] = this.range();
    return b - a;
  }

  /** Pre ranks of the synapses, in storage order. */
  get preRanks(): number[] {
    const [a, b] = this.range();
    return Array.from(this.proj.$state!.preRank.subarray(a, b));
  }

  /** Read an attribute of this dendrite. */
  get(name: string): number | number[] {
    const s = this.proj.$storage(name);
    if (s.locality === 'global') return this.proj.$state!.global[name]!;
    if (s.locality === 'semiglobal') return s.array![this.index]!;
    const [a, b] = this.range();
    return Array.from(s.array!.subarray(a, b));
  }

  /** Write attributes: a number (all synapses) or one value per synapse. */
  set(values: Record<string, number | ArrayLike<number>>): void {
    for (const [name, v] of Object.entries(values)) {
      const s = this.proj.$storage(name);
      if (s.locality === 'global') {
        if (typeof v !== 'number') throw new Error(`Dendrite ${this.postRank} of "${this.proj.name}": "${name}" is projection-wide; expected a number`);
        this.proj.$state!.global[name] = coerce(v, s.type);
      } else if (s.locality === 'semiglobal') {
        if (typeof v !== 'number') throw new Error(`Dendrite ${this.postRank} of "${this.proj.name}": "${name}" is per post neuron; expected a number`);
        s.array![this.index] = coerce(v, s.type);
      } else {
        const [a, b] = this.range();
        if (typeof v === 'number') s.array!.fill(coerce(v, s.type), a, b);
        else {
          if (v.length !== b - a) throw new Error(`Dendrite ${this.postRank} of "${this.proj.name}": "${name}" needs ${b - a} values, got ${v.length}`);
          for (let j = 0; j < b - a; j++) s.array![a + j] = coerce(v[j]!, s.type);
        }
      }
    }
  }

  /**
   * Remove the synapse from pre rank `rank` (ANNarchy `prune_synapse`; needs
   * `setup({ structuralPlasticity: true })`).
   *
   * @example
   * ```ts
   * proj.dendrite(3).pruneSynapse(2);
   * ```
   */
  pruneSynapse(rank: number): void {
    editDendrite(this.proj, this.postRank, { kind: 'prune', ranks: [rank] });
  }

  /**
   * Remove the synapses from the pre ranks `ranks` (ANNarchy `prune_synapses`).
   *
   * @example
   * ```ts
   * proj.dendrite(3).pruneSynapses([2, 4, 6]);
   * ```
   */
  pruneSynapses(ranks: number[]): void {
    if (!Array.isArray(ranks)) throw new Error(`Projection "${this.proj.name}".dendrite(${this.postRank}).pruneSynapses: expected a list of pre ranks`);
    editDendrite(this.proj, this.postRank, { kind: 'prune', ranks });
  }

  /**
   * Add a synapse from pre rank `rank` with weight `w` (ANNarchy `create_synapse(rank, w=0.0,
   * delay)`; the delay defaults to the projection's; the other attributes take their initial values).
   *
   * @example
   * ```ts
   * proj.dendrite(3).createSynapse(2, 2.0);
   * ```
   */
  createSynapse(rank: number, w = 0.0, delay?: number): void {
    editDendrite(this.proj, this.postRank, { kind: 'create', ranks: [rank], weights: [w], delays: [delay] });
  }

  /**
   * Add synapses from the pre ranks `ranks` (ANNarchy `create_synapses`; weights default to 0).
   *
   * @example
   * ```ts
   * proj.dendrite(3).createSynapses([2, 4, 6], [2.0, 3.0, 4.0]);
   * ```
   */
  createSynapses(ranks: number[], weights?: number[], delays?: number[]): void {
    const where = `Projection "${this.proj.name}".dendrite(${this.postRank}).createSynapses`;
    if (!Array.isArray(ranks)) throw new Error(`${where}: expected a list of pre ranks`);
    if (weights !== undefined && (!Array.isArray(weights) || weights.length !== ranks.length)) throw new Error(`${where}: expected ${ranks.length} weights`);
    if (delays !== undefined && (!Array.isArray(delays) || delays.length !== ranks.length)) throw new Error(`${where}: expected ${ranks.length} delays`);
    editDendrite(this.proj, this.postRank, { kind: 'create', ranks, weights: weights ?? ranks.map(() => 0.0), delays: delays ?? ranks.map(() => undefined) });
  }

  /** The synapse from pre rank `pre`; throws if there is none. */
  synapse(pre: number): SynapseAccess {
    const k = this.preRanks.indexOf(pre);
    if (k < 0) throw new Error(`Projection "${this.proj.name}": no synapse from pre ${pre} to post ${this.postRank}`);
    return new SynapseAccess(this, k);
  }
}

/**
 * One synapse of a dendrite (ANNarchy's `IndividualSynapse`): `get`/`set` of its attributes.
 *
 * @example
 * ```ts
 * proj.synapse(0, 1).get('w');      // weight from pre 0 to post 1
 * proj.synapse(0, 1).set({ w: 0.5 });
 * ```
 */
export class SynapseAccess {
  /** Attribute access by name (`s.w`, `s.w = 0.5`), as ANNarchy's `IndividualSynapse.w`. */
  [attribute: string]: any;

  constructor(readonly dendrite: Dendrite, readonly index: number) {
    defineAttributes(this, dendrite.proj.attributes);
  }

  get preRank(): number {
    return this.dendrite.preRanks[this.index]!;
  }

  get postRank(): number {
    return this.dendrite.postRank;
  }

  /** Value of `name` for this synapse. */
  get(name: string): number {
    const v = this.dendrite.get(name);
    return typeof v === 'number' ? v : v[this.index]!;
  }

  /** Sets attributes of this synapse. */
  set(values: Record<string, number>): void {
    for (const [name, v] of Object.entries(values)) {
      const s = this.dendrite.proj.$storage(name);
      if (s.locality !== 'local') {
        this.dendrite.set({ [name]: v });
        continue;
      }
      const S = this.dendrite.proj.$state!;
      s.array![S.rowPtr[this.dendrite.index]! + this.index] = coerce(v, s.type);
    }
  }
}
