import {
  create,
  parseDependencies,
  derivativeDependencies,
  simplifyDependencies,
  evaluateDependencies,
  type MathNode,
} from 'mathjs';

/**
 * The one mathjs instance of the language layer, built with `create()` from only what the
 * language needs (parsing, symbolic derivative and simplification), so bundles stay small.
 */
export const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies, evaluateDependencies });

export type { MathNode };
