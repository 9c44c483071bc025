import type { DescriptionIR, RandomInfo } from '../language/description.js';
import type { PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';
import { ModelError, where } from '../language/model-error.js';
import { randomArgumentCode } from '../language/random-argument-code.js';
import { randomArgumentsProblem } from '../language/random-arguments.js';
import { createCppDistribution, type CppDistribution, type CppDistributionKind } from './random/cpp-distributions.js';
import type { MT19937 } from './random/mt19937.js';
import { freshFunction } from '../language/fresh-function.js';

// takes the state, not dt: a double argument is boxed on every call
type ArgsFn = (S: PopulationKernelState, C: ReadonlyMap<string, { value: number }>, out: Float64Array) => void;

/** One random variable: its argument function, this step's arguments and the distribution object. */
interface Slot {
  readonly info: RandomInfo;
  readonly args: ArgsFn;
  readonly now: Float64Array;
  /** Arguments `dist` was constructed with. */
  readonly built: Float64Array;
  dist: CppDistribution | undefined;
}

/**
 * The per-step random draws of one population (ANNarchy 4.7.3 `update_rng()`, annarchy-semantics
 * §2.5): every step the libstdc++ distribution objects are constructed anew from their arguments
 * (so the normal distribution's cached second value never survives a step), the population-wide
 * random variables are drawn first (declaration order), then `for i: for each per-neuron random
 * variable in declaration order` (interleaved per neuron), all from the network's one `std::mt19937`.
 *
 * @example
 * ```ts
 * const draws = new RandomDraws(pop.$ir, pop.name);
 * draws.draw(pop.$state!, net.rng); // fills pop.$state.rand.__rand_0 etc.
 * ```
 *
 * A step allocates nothing, with any number of random variables of any classes: a distribution
 * whose arguments did not change since the last step is `reset()` (its cached values dropped,
 * as a new object would have none) instead of built anew, and every value is written into a
 * typed array (`sampleInto`), never returned or passed as a double through a call that V8 might
 * not inline (measured with 2-4 variables, incl. population-wide ones, 0 B/step).
 */
export class RandomDraws {
  private readonly globals: Slot[] = [];
  private readonly locals: Slot[] = [];
  /** `S.rand` arrays of the local random variables (bound on the first draw of a state). */
  private arrays: Float64Array[] = [];
  private readonly dists: CppDistribution[] = [];
  /** This step's values of the population-wide random variables (drawn through a typed array). */
  private readonly globalValues: Float64Array;
  /**
   * `S.rand.__rand_k = values[k]` for the population-wide variables, generated with constant
   * property names: a store under a computed name boxes the double (16 B per variable and step),
   * a named store writes into the field's existing number box.
   */
  private readonly storeGlobals: ((rand: PopulationKernelState['rand'], values: Float64Array) => void) | undefined;
  /**
   * `for i: for k: dists[k].sampleInto(rng, arrays[k], i)`, generated with one call site per
   * variable so that each sees one class. Values go into the arrays, never through a return
   * value: V8 inlines only part of several sampling chains, and a double returned by a call
   * it does not inline is boxed (this loop with `sample` allocated ~2 kB per step for Normal +
   * Uniform on 100 neurons). One variable uses the class's `fill`.
   */
  private readonly interleaved: ((arrays: Float64Array[], dists: CppDistribution[], rng: MT19937, n: number) => void) | undefined;
  private boundTo: PopulationKernelState | undefined;
  private readonly model: string;

  constructor(ir: DescriptionIR, owner: string) {
    this.model = ir.name;
    const printedAll = randomArgumentCode(ir, owner);
    for (const [k, r] of ir.randoms.entries()) {
      const printed = printedAll[k]!;
      // code of this population's own (fresh-function.ts): the same model's in other networks has the same source
      const args = freshFunction<ArgsFn>(['S', 'C', 'out'], ['const G = S.global, dt = S.dt;', ...printed.map((p, k) => `out[${k}] = ${p};`)].join('\n'), `${ir.name}/random-arguments`);
      const slot: Slot = { info: r, args, now: new Float64Array(printed.length), built: new Float64Array(printed.length), dist: undefined };
      (r.locality === 'global' ? this.globals : this.locals).push(slot);
    }
    this.globalValues = new Float64Array(this.globals.length);
    this.storeGlobals = this.globals.length === 0 ? undefined : freshFunction<NonNullable<typeof this.storeGlobals>>(['R', 'v'],
      this.globals.map((slot, k) => `R[${JSON.stringify(slot.info.name)}] = v[${k}];`).join('\n'), `${ir.name}/random-globals`);
    const ks = this.locals.map((_, k) => k);
    this.interleaved = ks.length < 2 ? undefined : freshFunction<NonNullable<typeof this.interleaved>>(['arrays', 'dists', 'rng', 'n'], [
      `const ${ks.map((k) => `a${k} = arrays[${k}], d${k} = dists[${k}]`).join(', ')};`,
      'for (let i = 0; i < n; i++) {',
      ...ks.map((k) => `  d${k}.sampleInto(rng, a${k}, i);`),
      '}',
    ].join('\n'), `${ir.name}/random-draws`);
  }

  /** True if the model has no random variables (nothing to draw). */
  get empty(): boolean {
    return this.globals.length === 0 && this.locals.length === 0;
  }

  /** Draw this step's values into `S.rand` (arrays filled in place: kernels hold references). */
  draw(S: PopulationKernelState, rng: MT19937): void {
    const gv = this.globalValues;
    if (gv.length > 0) {
      for (let k = 0; k < gv.length; k++) this.distribution(this.globals[k]!, S).sampleInto(rng, gv, k);
      this.storeGlobals!(S.rand, gv);
    }
    const nl = this.locals.length;
    if (nl === 0) return;
    // in another method: a closure here would make every call allocate a context for S
    if (this.boundTo !== S) this.bind(S);
    const arrays = this.arrays;
    const n = S.size;
    if (nl === 1) {
      this.distribution(this.locals[0]!, S).fill(rng, arrays[0]!, n);
      return;
    }
    const dists = this.dists;
    for (let k = 0; k < nl; k++) dists[k] = this.distribution(this.locals[k]!, S);
    this.interleaved!(arrays, dists, rng, n);
  }

  private bind(S: PopulationKernelState): void {
    this.arrays = this.locals.map((slot) => S.rand[slot.info.name] as Float64Array);
    this.boundTo = S;
  }

  /** This step's distribution object of a random variable, as if constructed anew. */
  private distribution(slot: Slot, S: PopulationKernelState): CppDistribution {
    slot.args(S, CONSTANTS, slot.now);
    let same = slot.dist !== undefined;
    for (let k = 0; k < slot.now.length && same; k++) same = Object.is(slot.now[k], slot.built[k]);
    if (same) {
      slot.dist!.reset();
      return slot.dist!;
    }
    const problem = randomArgumentsProblem(slot.info.distribution, slot.now);
    if (problem) throw new ModelError(`${problem} (its arguments changed since compile)`, { model: this.model, ...where(slot.info), symbol: slot.info.distribution });
    slot.dist = createCppDistribution(slot.info.distribution as CppDistributionKind, Array.from(slot.now));
    slot.built.set(slot.now);
    return slot.dist;
  }
}
