/**
 * OptNeuron's `variables_bounds`: `[lo, hi]` lists are fitted (order irrelevant, min/max used),
 * numbers are constants, strings are expressions of the other values (`"x + dxy"`), evaluated
 * per neuron with mathjs (CompNeuroPy substitutes names into a Python `eval`).
 */
import { math } from '../language/math.js';

/** One entry of `variables_bounds`. */
export type VariableBound = readonly [number, number] | number | string;

/** The parsed bounds. */
export interface ParsedBounds {
  /** Names of the fitted variables, in the dict's order. */
  readonly fitNames: string[];
  readonly lower: number[];
  readonly upper: number[];
  /** `bounds[0]` of each fitted variable (CompNeuroPy's first check run uses it). */
  readonly first: number[];
  /** Constants and expressions. */
  readonly constants: Record<string, number | string>;
}

/**
 * Parses and checks `variables_bounds`, naming the bad entry.
 *
 * @example
 * ```ts
 * parseVariablesBounds({ a: [-50, 100], b: 2, c: 'a + b' }).fitNames;   // ['a']
 * ```
 */
export function parseVariablesBounds(bounds: Record<string, VariableBound>): ParsedBounds {
  if (!bounds || typeof bounds !== 'object' || Array.isArray(bounds)) throw new Error('OptNeuron: variablesBounds must be an object { name: [lo, hi] | constant | "expression" }');
  const fitNames: string[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const first: number[] = [];
  const constants: Record<string, number | string> = {};
  for (const [name, b] of Object.entries(bounds)) {
    if (Array.isArray(b)) {
      if (b.length !== 2 || !b.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new Error(`OptNeuron: variablesBounds.${name} must be [lower, upper] with two finite numbers, got ${JSON.stringify(b)}`);
      }
      if (b[0] === b[1]) throw new Error(`OptNeuron: variablesBounds.${name} = [${b[0]}, ${b[1]}] has no range; give a number to keep it constant`);
      fitNames.push(name);
      lower.push(Math.min(b[0], b[1]));
      upper.push(Math.max(b[0], b[1]));
      first.push(b[0]);
    } else if (typeof b === 'number' || typeof b === 'string') {
      if (typeof b === 'number' && !Number.isFinite(b)) throw new Error(`OptNeuron: variablesBounds.${name} must be finite, got ${b}`);
      constants[name] = b;
    } else {
      throw new Error(`OptNeuron: variablesBounds.${name} must be [lower, upper], a number or an expression string, got ${JSON.stringify(b)}`);
    }
  }
  if (fitNames.length === 0) throw new Error('OptNeuron: variablesBounds has no [lower, upper] entry: nothing to fit');
  return { fitNames, lower, upper, first, constants };
}

/**
 * Evaluates an expression of the other values (CompNeuroPy's `evaluate_expression_with_dict`).
 *
 * @example
 * ```ts
 * evaluateExpression('x + dxy', { x: 1, dxy: 0.5 });   // 1.5
 * ```
 */
export function evaluateExpression(expression: string, values: Record<string, number>): number {
  let v: unknown;
  try {
    v = math.evaluate(expression, { ...values });
  } catch (e) {
    throw new Error(`Error while evaluating expression: "${expression}" with ${JSON.stringify(values)}: ${(e as Error).message}`);
  }
  if (typeof v !== 'number') throw new Error(`Error while evaluating expression: "${expression}" gave ${String(v)}, expected a number`);
  return v;
}

/**
 * Every variable's value per neuron: constants repeated, fitted values per neuron, expressions
 * evaluated per neuron from the numeric values (CompNeuroPy `_set_fitting_parameters`).
 *
 * @example
 * ```ts
 * resolveValues(parsed, [[1, 2]], 2);   // { a: [1, 2], ... }
 * ```
 */
export function resolveValues(parsed: ParsedBounds, fitValues: number[][], n: number): Record<string, number[]> {
  const all: Record<string, number[] | string> = {};
  for (const [k, v] of Object.entries(parsed.constants)) all[k] = typeof v === 'string' ? v : new Array<number>(n).fill(v);
  parsed.fitNames.forEach((name, j) => (all[name] = fitValues[j]!));
  const out: Record<string, number[]> = {};
  const numeric = Object.entries(all).filter((e): e is [string, number[]] => typeof e[1] !== 'string');
  for (const [k, v] of Object.entries(all)) {
    out[k] = typeof v === 'string' ? Array.from({ length: n }, (_, i) => evaluateExpression(v, Object.fromEntries(numeric.map(([kk, vv]) => [kk, vv[i]!])))) : v;
  }
  return out;
}
