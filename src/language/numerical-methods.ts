import type { MathNode } from './math.js';
import { ModelError } from './model-error.js';
import type { EquationInfo, NumericalMethod } from './description.js';

/** What a numerical method needs from the code generator. */
export interface MethodContext {
  model: string;
  /** Print an expression; `subst` replaces symbols by code (e.g. `v` -> `(v[i] + 0.5*dt*__k_v)`). */
  print(node: MathNode, subst?: Record<string, string>, statement?: string): string;
  /** Storage reference of a variable (`v[i]` for local, `v` for global). */
  ref(name: string): string;
  /** Refractory switch factor for a variable (`' * __inref[i]'`) or `''`. */
  switchFactor(name: string): string;
  /** Code for the clamps of a variable after its update (may be empty). */
  clamp(name: string): string;
  /** The default method (setup({ method })) used when an ODE has no flag. */
  defaultMethod: NumericalMethod;
}

/** Generated code of one ODE block: all increments first, then all updates. */
export interface BlockCode {
  compute: string[];
  update: string[];
}

/** Name of the temporary holding the increment of `x`. */
export const incName = (x: string) => `__d_${x}`;

/**
 * Code for a block of consecutive ODEs (annarchy-semantics §2.2, §2.3): every increment is
 * computed from the current values, then each variable is updated and clamped in order.
 *
 * @example
 * ```ts
 * // explicit: const __d_v = (...); ... ; v[i] += dt * __d_v;
 * ```
 */
export function emitOdeBlock(block: EquationInfo[], ctx: MethodContext): BlockCode {
  const compute: string[] = [];
  const update: string[] = [];
  for (const eq of block) {
    const method = eq.method ?? ctx.defaultMethod;
    const x = eq.target;
    const d = incName(x);
    switch (method) {
      case 'explicit':
        compute.push(`const ${d} = ${ctx.print(eq.rhs, undefined, eq.source)};`);
        update.push(`${ctx.ref(x)} += dt * ${d}${ctx.switchFactor(x)};${ctx.clamp(x)}`);
        break;
      default:
        throw new ModelError(`numerical method "${method}" is not supported yet`, { model: ctx.model, statement: eq.source });
    }
  }
  return { compute, update };
}
