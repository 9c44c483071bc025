import type { DescriptionIR, RandomInfo } from '../language/description.js';
import type { PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';
import { ModelError, where } from '../language/model-error.js';
import { toJs } from '../language/js-printer.js';
import { createCppDistribution, type CppDistributionKind } from './random/cpp-distributions.js';
import type { MT19937 } from './random/mt19937.js';

type ArgsFn = (G: Record<string, number>, C: ReadonlyMap<string, { value: number }>, dt: number) => number[];

/**
 * The per-step random draws of one population (ANNarchy 4.7.3 `update_rng()`, annarchy-semantics
 * §2.5): every step the libstdc++ distribution objects are constructed anew from their arguments
 * (so the normal distribution's cached second value never survives a step), the population-wide
 * random variables are drawn first (declaration order), then `for i: for each per-neuron random
 * variable in declaration order` (interleaved per neuron), all from the network's one `std::mt19937`.
 *
 * @example
 * ```ts
 * const draws = new RandomDraws(pop.ir, pop.name);
 * draws.draw(pop.state!, net.rng, net.dt); // fills pop.state.rand.__rand_0 etc.
 * ```
 */
export class RandomDraws {
  private readonly globals: RandomInfo[];
  private readonly locals: RandomInfo[];
  private readonly argsOf: Map<string, ArgsFn> = new Map();

  constructor(ir: DescriptionIR, owner: string) {
    this.globals = ir.randoms.filter((r) => r.locality === 'global');
    this.locals = ir.randoms.filter((r) => r.locality !== 'global');
    const globalAttrs = new Set<string>([
      ...ir.parameters.filter((p) => p.locality === 'global').map((p) => p.name),
      ...ir.variables.filter((v) => v.locality === 'global').map((v) => v.name),
    ]);
    const localAttrs = new Set<string>([...ir.parameters, ...ir.variables].map((a) => a.name));
    for (const r of ir.randoms) {
      const printed = r.args.map((a) => toJs(a, (s) => {
        if (globalAttrs.has(s)) return `G[${JSON.stringify(s)}]`;
        if (localAttrs.has(s)) {
          throw new ModelError(`the arguments of ${r.distribution}() must be numbers or population-wide parameters, "${s}" is per-neuron`, { model: ir.name, ...where(r), symbol: s });
        }
        if (s === 'dt') return 'dt';
        if (CONSTANTS.has(s)) return `C.get(${JSON.stringify(s)}).value`;
        return undefined;
      }, { model: `${ir.name} (${owner})`, ...where(r) }));
      this.argsOf.set(r.name, new Function('G', 'C', 'dt', `return [${printed.join(', ')}];`) as ArgsFn);
    }
  }

  /** True if the model has no random variables (nothing to draw). */
  get empty(): boolean {
    return this.globals.length === 0 && this.locals.length === 0;
  }

  /** Draw this step's values into `S.rand` (arrays filled in place: kernels hold references). */
  draw(S: PopulationKernelState, rng: MT19937, dt: number): void {
    const make = (r: RandomInfo) => createCppDistribution(r.distribution as CppDistributionKind, this.argsOf.get(r.name)!(S.global, CONSTANTS, dt));
    for (const r of this.globals) S.rand[r.name] = make(r).sample(rng);
    const nl = this.locals.length;
    if (nl === 0) return;
    const dists = this.locals.map(make);
    const arrays = this.locals.map((r) => S.rand[r.name] as Float64Array);
    const n = S.size;
    if (nl === 1) {
      const d = dists[0]!;
      const a = arrays[0]!;
      for (let i = 0; i < n; i++) a[i] = d.sample(rng);
      return;
    }
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < nl; k++) arrays[k]![i] = dists[k]!.sample(rng);
    }
  }
}
