import type { NeuronIR } from '../language/description.js';
import type { PopulationKernelState } from '../language/kernel-state.js';
import { CONSTANTS } from '../language/constant.js';
import { parseExpression } from '../language/expression.js';
import { toJs } from '../language/js-printer.js';
import { ModelError } from '../language/model-error.js';
import { freshFunction } from '../language/fresh-function.js';

/** A compiled stop condition: true when the population should stop `simulateUntil`. */
export type StopCondition = (S: PopulationKernelState, tMs: number, dt: number) => boolean;

/**
 * Compile a population's `stop_condition` (`"expr : any"` (default) or `"expr : all"`): true if
 * the expression holds for at least one (`any`) or every (`all`) neuron.
 *
 * @example
 * ```ts
 * const f = compileStopCondition('v > -50 : any', pop.$ir, pop.name);
 * f(pop.$state!, net.getTime(), net.dt);
 * ```
 */
export function compileStopCondition(text: string, ir: NeuronIR, owner: string): StopCondition {
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`Population "${owner}": stopCondition must be a non-empty string like "v > 0 : any"`);
  let expr = text.trim();
  let mode: 'any' | 'all' = 'any';
  const m = /:\s*(any|all)\s*$/.exec(expr);
  if (m) {
    mode = m[1] as 'any' | 'all';
    expr = expr.slice(0, m.index).trim();
  }
  const attrs = new Map<string, boolean>();
  for (const a of [...ir.parameters, ...ir.variables]) attrs.set(a.name, a.locality !== 'global');
  const where = { model: `${ir.name} (population "${owner}", stopCondition)`, statement: text };
  const node = parseExpression(expr, where);
  const js = toJs(node, (s) => {
    const local = attrs.get(s);
    if (local !== undefined) return local ? `L[${JSON.stringify(s)}][i]` : `G[${JSON.stringify(s)}]`;
    if (s === 't') return 't';
    if (s === 'dt') return 'dt';
    if (s === 't_last' && ir.spiking) return '(S.lastSpike[i] * dt)';
    if (/^_sum_\w+$/.test(s) && !ir.spiking) return `(L[${JSON.stringify(s)}] ? L[${JSON.stringify(s)}][i] : 0)`;
    if (CONSTANTS.has(s)) return `C.get(${JSON.stringify(s)}).value`;
    return undefined;
  }, where);
  const body = mode === 'any'
    ? `for (let i = 0; i < n; i++) if (${js}) return true; return false;`
    : `for (let i = 0; i < n; i++) if (!(${js})) return false; return true;`;
  let f: (S: PopulationKernelState, t: number, dt: number, C: typeof CONSTANTS) => boolean;
  try {
    // code of its own: the same condition in another network has the same source (fresh-function.ts)
    f = freshFunction<typeof f>(['S', 't', 'dt', 'C'], `const L = S.local, G = S.global, n = S.size; ${body}`, 'stop-condition');
  } catch (e) {
    throw new ModelError(`stop condition does not compile (${(e as Error).message})`, where);
  }
  return (S, t, dt) => f(S, t, dt, CONSTANTS);
}
