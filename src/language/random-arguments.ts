const INT32 = (v: number) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;

/**
 * What is wrong with the arguments of a random distribution used in an equation, or undefined:
 * the domains of the libstdc++ distributions ANNarchy constructs (`Uniform(a, b)` needs a <= b,
 * `Normal(mu, sigma)` sigma > 0, ...). Checked at compile time for literal arguments and by the
 * engine when a global parameter given as an argument changes.
 *
 * @example
 * ```ts
 * randomArgumentsProblem('Uniform', [1, 0]); // 'Uniform(min, max) needs min <= max, got min = 1, max = 0'
 * ```
 */
export function randomArgumentsProblem(distribution: string, args: ArrayLike<number>): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (!Number.isFinite(args[k])) return `${distribution}() needs finite arguments, got ${args[k]} as argument ${k + 1}`;
  }
  const a = args[0] ?? NaN;
  const b = args[1] ?? NaN;
  switch (distribution) {
    case 'Uniform': return a <= b ? undefined : `Uniform(min, max) needs min <= max, got min = ${a}, max = ${b}`;
    case 'DiscreteUniform':
      if (!INT32(a) || !INT32(b)) return `DiscreteUniform(min, max) needs 32-bit integers, got min = ${a}, max = ${b}`;
      return a <= b ? undefined : `DiscreteUniform(min, max) needs min <= max, got min = ${a}, max = ${b}`;
    case 'Normal': return b > 0 ? undefined : `Normal(mu, sigma) needs sigma > 0, got sigma = ${b}`;
    case 'LogNormal': return b > 0 ? undefined : `LogNormal(mu, sigma) needs sigma > 0, got sigma = ${b}`;
    case 'Exponential': return a > 0 ? undefined : `Exponential(lambda) needs lambda > 0, got lambda = ${a}`;
    case 'Gamma': return a > 0 && b > 0 ? undefined : `Gamma(alpha, beta) needs alpha > 0 and beta > 0, got alpha = ${a}, beta = ${b}`;
    case 'Binomial':
      if (!(Number.isInteger(a) && a >= 0 && a <= 2147483647)) return `Binomial(n, p) needs an integer n in [0, 2^31-1], got n = ${a}`;
      return b >= 0 && b <= 1 ? undefined : `Binomial(n, p) needs p in [0, 1], got p = ${b}`;
    default: return undefined;
  }
}
