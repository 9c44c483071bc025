import { math, type MathNode } from './math.js';
import { ModelError, type ModelSection } from './model-error.js';
import { checkExpressionTree, checkWrittenNames, EXPRESSION_LIMITS } from './expression-guard.js';

/** Where an expression comes from, for error messages. */
export interface ExprContext {
  model?: string;
  statement?: string;
  /** Description string of the statement (`equations`, `reset`, `psp`, ...). */
  section?: ModelSection;
  /** 1-based line of the statement in its description string. */
  line?: number;
}

/**
 * The name a user wrote for an internal symbol: `pre__x` -> `pre.x`, `_sum_exc` -> `sum(exc)`,
 * `post___sum_exc` -> `post.sum(exc)`; other names unchanged.
 *
 * @example
 * ```ts
 * userSymbol('pre__r'); // 'pre.r'
 * ```
 */
export function userSymbol(name: string): string {
  const g = parseGlobalOp(name);
  if (g) return `${g.op}(${g.side ? `${g.side}.` : ''}${g.variable})`;
  let m = /^(pre|post)___sum_(\w+)$/.exec(name);
  if (m) return `${m[1]}.sum(${m[2] === '_all' ? '' : m[2]})`;
  m = /^_sum_(\w+)$/.exec(name);
  if (m) return `sum(${m[1] === '_all' ? '' : m[1]})`;
  m = /^(pre|post)__(\w+)$/.exec(name);
  if (m) return `${m[1]}.${m[2]}`;
  return name;
}

/**
 * ANNarchy's global operations: one value of a whole population's attribute, once per step.
 *
 * @example
 * ```ts
 * new Neuron({ equations: 'r = b - mean(r)', parameters: 'b = 1' }); // mean(r) of the previous step
 * GLOBAL_OPERATIONS.includes('norm2'); // true
 * ```
 */
export const GLOBAL_OPERATIONS = ['min', 'max', 'mean', 'norm1', 'norm2'] as const;
/**
 * One of {@link GLOBAL_OPERATIONS}.
 *
 * @example
 * ```ts
 * const op: GlobalOperation = 'mean';
 * GLOBAL_OPERATIONS.includes(op);   // true
 * ```
 */
export type GlobalOperation = (typeof GLOBAL_OPERATIONS)[number];

/**
 * A global operation read in an expression: `mean(r)` (neuron) or `mean(pre.r)` (synapse).
 *
 * @example
 * ```ts
 * const use: GlobalOpUse = { op: 'max', variable: 'r', side: 'pre' }; // max(pre.r)
 * ```
 */
export interface GlobalOpUse {
  op: GlobalOperation;
  variable: string;
  /** `pre`/`post` in synapses; undefined for a neuron's own population. */
  side?: 'pre' | 'post';
}

/**
 * Key of a global operation's value in a population's `global` state: ANNarchy's C++ member
 * name `_mean_r`. It is also the symbol `mean(r)` parses to in neuron equations.
 *
 * @example
 * ```ts
 * globalOpKey('mean', 'r'); // '_mean_r'
 * ```
 */
export function globalOpKey(op: GlobalOperation, variable: string): string {
  return `_${op}_${variable}`;
}

/**
 * The global operation a parsed symbol stands for: `_mean_r` -> mean(r),
 * `pre___max_v` -> max(pre.v); undefined for any other symbol.
 *
 * @example
 * ```ts
 * parseGlobalOp('pre___norm2_r'); // { op: 'norm2', variable: 'r', side: 'pre' }
 * ```
 */
export function parseGlobalOp(symbol: string): GlobalOpUse | undefined {
  const m = /^(?:(pre|post)__)?_(min|max|mean|norm1|norm2)_(\w+)$/.exec(symbol);
  if (!m) return undefined;
  return { op: m[2] as GlobalOperation, variable: m[3]!, ...(m[1] ? { side: m[1] as 'pre' | 'post' } : {}) };
}

/**
 * Check that the parentheses and brackets of an expression are balanced and properly nested;
 * throws a {@link ModelError} saying which one is unmatched, at which character.
 *
 * @example
 * ```ts
 * checkParentheses('exp(-(v - E)', { model: 'm' }); // throws: "(" at character 4 is never closed
 * ```
 */
export function checkParentheses(text: string, ctx: ExprContext = {}): void {
  const open: { ch: string; at: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') {
      open.push({ ch: c, at: i });
      if (open.length > EXPRESSION_LIMITS.maxParentheses) {
        throw new ModelError(`parentheses nested more than ${EXPRESSION_LIMITS.maxParentheses} levels deep (at character ${i + 1}); split the expression with intermediate variables`, { ...ctx, statement: ctx.statement ?? text, symbol: c });
      }
    } else if (c === ')' || c === ']') {
      const top = open.pop();
      if (!top) {
        throw new ModelError(`unbalanced parentheses in "${text.trim()}": "${c}" at character ${i + 1} has no opening "${pairs[c]}"`, { ...ctx, statement: ctx.statement ?? text, symbol: c });
      }
      if (top.ch !== pairs[c]) {
        throw new ModelError(`unbalanced parentheses in "${text.trim()}": "${top.ch}" at character ${top.at + 1} is closed by "${c}" at character ${i + 1}`, { ...ctx, statement: ctx.statement ?? text, symbol: c });
      }
    }
  }
  const left = open.pop();
  if (left) {
    throw new ModelError(`unbalanced parentheses in "${text.trim()}": "${left.ch}" at character ${left.at + 1} is never closed`, { ...ctx, statement: ctx.statement ?? text, symbol: left.ch });
  }
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_.]/.test(c);
}

/** Index of `word` at top level (paren depth 0) in `s` from `from`, as a whole word; -1 if none. */
function findWord(s: string, word: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && s.startsWith(word, i) && !isWordChar(s[i - 1]) && !isWordChar(s[i + word.length])) return i;
  }
  return -1;
}

/**
 * Rewrite ANNarchy's Python-style conditional `if c: a else: b` (nested allowed) into the
 * ternary `((c) ? (a) : (b))` that mathjs parses.
 */
export function rewriteIf(text: string, ctx: ExprContext = {}): string {
  const s = text.trim();
  if (!/^if\b/.test(s)) {
    const stray = findWordAnyDepth(s, 'if', 0) >= 0 ? 'if' : findWordAnyDepth(s, 'else', 0) >= 0 ? 'else' : undefined;
    if (stray) {
      const what = stray === 'else' ? '"else" without a matching "if"' : '"if" inside an expression';
      throw new ModelError(`${what}: a conditional "if c: a else: b" must be a whole right side or branch; inside an expression use ite(c, a, b)`, { ...ctx, statement: ctx.statement ?? text, symbol: stray });
    }
    return s;
  }
  const colon = topLevelIndexOf(s, ':', 2);
  if (colon < 0) throw new ModelError('conditional "if" without ":"; write "if condition: a else: b"', { ...ctx, statement: ctx.statement ?? text, symbol: 'if' });
  const cond = s.slice(2, colon);
  // Find the `else` matching this `if`: nested ifs in the then-part need their own else.
  let depth = 0;
  let pos = colon + 1;
  let elseAt = -1;
  for (;;) {
    const nextIf = findWord(s, 'if', pos);
    const nextElse = findWord(s, 'else', pos);
    if (nextElse < 0) break;
    if (nextIf >= 0 && nextIf < nextElse) {
      depth++;
      pos = nextIf + 2;
      continue;
    }
    if (depth === 0) {
      elseAt = nextElse;
      break;
    }
    depth--;
    pos = nextElse + 4;
  }
  if (elseAt < 0) throw new ModelError('conditional "if ... :" without a matching "else:"; write "if condition: a else: b"', { ...ctx, statement: ctx.statement ?? text, symbol: 'if' });
  const thenPart = s.slice(colon + 1, elseAt);
  let elsePart = s.slice(elseAt + 4).trim();
  if (!elsePart.startsWith(':')) throw new ModelError('"else" must be followed by ":"', { ...ctx, statement: ctx.statement ?? text, symbol: 'else' });
  elsePart = elsePart.slice(1);
  return `((${rewriteIf(cond, ctx)}) ? (${rewriteIf(thenPart, ctx)}) : (${rewriteIf(elsePart, ctx)}))`;
}

function topLevelIndexOf(s: string, ch: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}

/**
 * Python gives `not` a lower precedence than comparisons (`not a > b` is `not (a > b)`);
 * mathjs binds it tighter, so the operand is parenthesised up to the next `and`/`or`.
 */
function rewriteNot(s: string): string {
  let out = s;
  let from = 0;
  for (;;) {
    const k = findWordAnyDepth(out, 'not', from);
    if (k < 0) return out;
    // operand extends to the next `and`/`or`/`)`/`,`/`?`/`:` at the operand's own depth
    let depth = 0;
    let end = out.length;
    for (let i = k + 3; i < out.length; i++) {
      const c = out[i]!;
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') {
        if (depth === 0) { end = i; break; }
        depth--;
      } else if (depth === 0 && (c === ',' || c === '?' || c === ':')) { end = i; break; }
      else if (depth === 0 && (out.startsWith('and', i) || out.startsWith('or', i)) && !isWordChar(out[i - 1])
        && !isWordChar(out[i + (out.startsWith('and', i) ? 3 : 2)])) { end = i; break; }
    }
    out = `${out.slice(0, k)}not (${out.slice(k + 3, end)})${out.slice(end)}`;
    from = k + 4;
  }
}

function findWordAnyDepth(s: string, word: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s.startsWith(word, i) && !isWordChar(s[i - 1]) && !isWordChar(s[i + word.length])) return i;
  }
  return -1;
}

/**
 * Turn ANNarchy expression text into mathjs syntax: `**` -> `^`, `is not`/`is` -> `!=`/`==`,
 * `True`/`False`, `if c: a else: b`, `sum(target)` -> `_sum_target`, `mean(r)` -> `_mean_r`,
 * `mean(pre.r)` -> `pre___mean_r`, `pre.x` -> `pre__x`,
 * `not` precedence.
 */
export function toMathSyntax(text: string, ctx: ExprContext = {}): string {
  let s = rewriteIf(text, ctx);
  // Python/C float literals with a trailing point (`1./x`, `2.e-3`): mathjs would read `./` as
  // element-wise division and `2.e` as 2 times e
  s = s.replace(/(^|[^\w.])(\d+)\.(?=[eE][+-]?\d|[^\w.]|$)/g, '$1$2.0');
  s = s.replace(/\*\*/g, '^');
  s = s.replace(/\bis\s+not\b/g, '!=').replace(/\bis\b/g, '==');
  s = s.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
  s = s.replace(/\b(pre|post)\s*\.\s*sum\s*\(\s*(\w*)\s*\)/g, (_m, side: string, target: string) => `${side}___sum_${target || '_all'}`);
  s = s.replace(/(^|[^\w.])sum\s*\(\s*(\w*)\s*\)/g, (_m, pre: string, target: string) => `${pre}_sum_${target || '_all'}`);
  // global operations (ANNarchy's extract_globalops_*): one name as argument; `max(a, b)` stays a function
  s = s.replace(/(^|[^\w.])(min|max|mean|norm1|norm2)\s*\(\s*(pre|post)\s*\.\s*([A-Za-z_]\w*)\s*\)/g, (_m, b: string, op: string, side: string, v: string) => `${b}${side}___${op}_${v}`);
  s = s.replace(/(^|[^\w.])(min|max|mean|norm1|norm2)\s*\(\s*([A-Za-z_]\w*)\s*\)/g, (_m, b: string, op: string, v: string) => `${b}_${op}_${v}`);
  s = s.replace(/\b(pre|post)\s*\.\s*([A-Za-z_]\w*)/g, '$1__$2');
  s = rewriteNot(s);
  return s;
}

/**
 * Parse one ANNarchy expression into a mathjs node tree. Only numbers, names, C's operators,
 * calls by name and conditionals are accepted (expression-guard.ts), within size and nesting
 * limits; implicit multiplication (`2 v`) and names that collide with generated ones (`pre__v`,
 * `__x`, `constructor`) are rejected with a message naming the statement. `allowNames` lists
 * generated names the caller wrote into `text` itself.
 *
 * @example
 * ```ts
 * parseExpression('if v > 0: 1 else: 0').toString(); // '(v > 0) ? (1) : (0)'
 * ```
 */
export function parseExpression(text: string, ctx: ExprContext = {}, allowNames: readonly string[] = []): MathNode {
  checkParentheses(text, ctx);
  if (text.trim() === '') throw new ModelError('the expression is empty', { ...ctx, statement: ctx.statement ?? text });
  const at = { ...ctx, statement: ctx.statement ?? text };
  checkWrittenNames(text, at, allowNames);
  const src = toMathSyntax(text, ctx);
  let node: MathNode;
  try {
    node = math.parse(src);
  } catch (e) {
    // mathjs parses recursively: a long chain of unary operators overflows the stack
    const why = e instanceof RangeError ? 'it is nested too deeply (for example a long chain of unary operators)' : (e as Error).message;
    throw new ModelError(`cannot parse expression "${text.trim()}": ${why}`, at);
  }
  checkExpressionTree(node, at);
  return node;
}

/** All symbol names used in an expression (function names excluded). */
export function symbolsOf(node: MathNode): Set<string> {
  const out = new Set<string>();
  node.traverse((n, path, parent) => {
    if ((n as { type: string }).type === 'SymbolNode') {
      const isFnName = parent && (parent as { type: string }).type === 'FunctionNode' && path === 'fn';
      if (!isFnName) out.add((n as unknown as { name: string }).name);
    }
  });
  return out;
}
