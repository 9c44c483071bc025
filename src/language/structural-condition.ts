import type { MathNode } from './math.js';
import { ModelError, type LocatedStatement } from './model-error.js';
import { parseExpression, symbolsOf } from './expression.js';
import { RANDOM_DISTRIBUTIONS } from './builtin-functions.js';
import { firstLineOf } from './statements.js';

/**
 * A synapse's `pruning` or `creating` condition (ANNarchy 4.7.3 `Synapse(pruning=..., creating=...)`):
 * the boolean expression and its flags after the last `:`. `proba`: probability that a pair
 * (creating) or synapse (pruning) meeting the condition changes, drawn from the network's C++
 * generator only when the condition holds; `w`: weight of a created synapse (0 without it);
 * `d`: delay of a created synapse in ms (the projection's delay without it).
 *
 * @example
 * ```ts
 * const c: StructuralCondition = new Synapse({ creating: 'pre.r * post.r > 0.9 : proba = 1.0, w = 1.0' }).analyse().creating!;
 * c.proba;   // 1
 * ```
 */
export interface StructuralCondition extends LocatedStatement {
  section: 'pruning' | 'creating';
  expr: MathNode;
  proba: number | undefined;
  w: number | undefined;
  d: number | undefined;
}

const FLAGS = { pruning: ['proba'], creating: ['proba', 'w', 'd'] } as const;

/**
 * Parse a `pruning` or `creating` statement. Flags ANNarchy would ignore or break on are refused
 * by name: unknown keys, values that are not numbers (4.7.3 pastes them into C++), and random
 * distributions in the condition (4.7.3 generates `rd(rng)` on its vector of generators, which
 * does not compile).
 *
 * @example
 * ```ts
 * const c = parseStructuralCondition('utility < 0.0 : proba = 0.5', 'pruning', 'MySynapse');
 * c.proba;   // 0.5
 * ```
 */
export function parseStructuralCondition(text: string, section: 'pruning' | 'creating', model: string): StructuralCondition {
  const line = firstLineOf(text);
  const source = text.replace(/\n/g, ' ').trim();
  const at = { model, section, line, statement: source };
  if (source === '') throw new ModelError(`the ${section} condition is empty`, { ...at, symbol: section });
  // ANNarchy: eq, constraint = statement.rsplit(':', 1)
  const colon = source.lastIndexOf(':');
  const eq = colon < 0 ? source : source.slice(0, colon);
  const flags: Record<string, number> = {};
  if (colon >= 0) {
    for (const part of source.slice(colon + 1).split(',')) {
      const m = /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(part);
      const key = m ? m[1]! : part.trim();
      if (!m || !(FLAGS[section] as readonly string[]).includes(key)) {
        throw new ModelError(`unknown ${section} flag "${key}"; expected ${FLAGS[section].map((f) => `${f} = <number>`).join(', ')}`, { ...at, symbol: key });
      }
      const v = m[2]!;
      const num = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(num)) throw new ModelError(`the ${section} flag "${key}" must be a number, got "${v}"`, { ...at, symbol: key });
      if (key in flags) throw new ModelError(`the ${section} flag "${key}" is given twice`, { ...at, symbol: key });
      if (key === 'd' && num < 0) throw new ModelError(`the delay "d" of created synapses must be >= 0 ms, got ${num}`, { ...at, symbol: key });
      flags[key] = num;
    }
  }
  const expr = parseExpression(eq, at);
  expr.traverse((n) => {
    const f = n as unknown as { type: string; fn?: { name?: string } };
    const name = f.fn?.name;
    if (f.type === 'FunctionNode' && name !== undefined && name in RANDOM_DISTRIBUTIONS) {
      throw new ModelError(`random distributions are not supported in ${section} conditions (ANNarchy 4.7.3 generates code for them that does not compile); use the "proba" flag`, { ...at, symbol: name });
    }
  });
  for (const s of symbolsOf(expr)) {
    if (s === 'g_target') throw new ModelError(`"g_target" cannot be read in a ${section} condition`, { ...at, symbol: s });
  }
  return { source, section, line, expr, proba: flags.proba, w: flags.w, d: flags.d };
}
