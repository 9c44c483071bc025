import { CONSTANTS } from './constant.js';
import { ModelError, where } from './model-error.js';
import { toJs } from './js-printer.js';
import { cachedFromAnalysis } from './analysis-cache.js';
import type { DescriptionIR } from './description.js';

/**
 * The JavaScript of every random variable's distribution arguments (`Normal(mu, sigma)`: one
 * expression per argument over `G` (population-wide values), `dt` and `C` (Constants)), per
 * random variable of `ir`. Printing needs the arguments' trees (mathjs): kept with a cached
 * analysis (analysis-cache.ts). Throws a ModelError for a per-neuron argument.
 *
 * @example
 * ```ts
 * randomArgumentCode(new Neuron({ parameters: 's = 2 : population', equations: 'v = Normal(0.0, s)', spike: 'v > 1' }).analyse(), 'pop');
 * // [['0.0', 'G["s"]']]
 * ```
 */
export function randomArgumentCode(ir: DescriptionIR, owner: string): string[][] {
  return cachedFromAnalysis(ir, 'random arguments', owner, () => {
    const globalAttrs = new Set<string>([
      ...ir.parameters.filter((p) => p.locality === 'global').map((p) => p.name),
      ...ir.variables.filter((v) => v.locality === 'global').map((v) => v.name),
    ]);
    const localAttrs = new Set<string>([...ir.parameters, ...ir.variables].map((a) => a.name));
    return ir.randoms.map((r) => r.args.map((a) => toJs(a, (s) => {
      if (globalAttrs.has(s)) return `G[${JSON.stringify(s)}]`;
      if (localAttrs.has(s)) {
        throw new ModelError(`the arguments of ${r.distribution}() must be numbers or population-wide parameters, "${s}" is per-neuron`, { model: ir.name, ...where(r), symbol: s });
      }
      if (s === 'dt') return 'dt';
      if (CONSTANTS.has(s)) return `C.get(${JSON.stringify(s)}).value`;
      return undefined;
    }, { model: `${ir.name} (${owner})`, ...where(r) })));
  });
}
