// mathjs' single-file bundle loads in ~0.1 s; its ESM entry loads hundreds of modules and
// instantiates everything (~2 s), which dominated start-up.
import mathjs from 'mathjs/lib/browser/math.js';
import type { MathNode } from 'mathjs';

const { create, parseDependencies, derivativeDependencies, simplifyDependencies, evaluateDependencies } = mathjs;

/**
 * The one mathjs instance of the language layer, built with `create()` from only what the
 * language needs (parsing, symbolic derivative and simplification).
 *
 * @example
 * ```ts
 * math.derivative(math.parse('a*x^2'), 'x').toString(); // '2 * a * x'
 * ```
 */
export const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies, evaluateDependencies });

export type { MathNode };
