import { RecordedArray } from '../monitors/recorded-array.js';
import { evaluateExpressionWithDict } from '../analysis/evaluate-expression-with-dict.js';

/** True if a plan variable is an expression (contains + - * /), as CompNeuroPy decides. */
export function isExpression(variable: string): boolean {
  return /[+\-*/]/.test(variable);
}

/**
 * The tokens CompNeuroPy validates in an expression variable: spaces removed, split on
 * `+ - * /`, pure-digit tokens dropped (so `0.5` leaves `0.5`, which then fails — a kept quirk).
 *
 * @example
 * ```ts
 * expressionTokens('v*2+u');   // ['v', 'u']
 * ```
 */
export function expressionTokens(variable: string): { tokens: string[]; joined: string } {
  const joined = variable.replace(/ /g, '').replace(/[+\-*/]/g, ' ');
  const tokens = joined.split(' ').filter((t) => !/^\d+$/.test(t));
  return { tokens, joined };
}

/**
 * Evaluates `+ - * /` expressions (with parentheses and unary minus) element-wise over
 * recorded arrays, like CompNeuroPy's `evaluate_expression_with_dict` with numpy arrays
 * ({@link evaluateExpressionWithDict}; recorded arrays stay recorded arrays).
 *
 * @example
 * ```ts
 * const r = evaluateExpression('v*2+u', { v, u });   // RecordedArray, same shape as v
 * ```
 */
export function evaluateExpression(expression: string, values: Record<string, RecordedArray>): RecordedArray | number {
  const r = evaluateExpressionWithDict(expression, values);
  return r instanceof Float64Array ? new RecordedArray(r, [r.length]) : r;
}
