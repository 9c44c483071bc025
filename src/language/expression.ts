import { math, type MathNode } from './math.js';
import { ModelError } from './model-error.js';

/** Where an expression comes from, for error messages. */
export interface ExprContext {
  model?: string;
  statement?: string;
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
  if (!/^if\b/.test(s)) return s;
  const colon = topLevelIndexOf(s, ':', 2);
  if (colon < 0) throw new ModelError('conditional "if" without ":"', { ...ctx, statement: ctx.statement ?? text });
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
  if (elseAt < 0) throw new ModelError('conditional "if ... :" without a matching "else:"', { ...ctx, statement: ctx.statement ?? text });
  const thenPart = s.slice(colon + 1, elseAt);
  let elsePart = s.slice(elseAt + 4).trim();
  if (!elsePart.startsWith(':')) throw new ModelError('"else" must be followed by ":"', { ...ctx, statement: ctx.statement ?? text });
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
 * `True`/`False`, `if c: a else: b`, `sum(target)` -> `_sum_target`, `pre.x` -> `pre__x`,
 * `not` precedence.
 */
export function toMathSyntax(text: string, ctx: ExprContext = {}): string {
  let s = rewriteIf(text, ctx);
  s = s.replace(/\*\*/g, '^');
  s = s.replace(/\bis\s+not\b/g, '!=').replace(/\bis\b/g, '==');
  s = s.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
  s = s.replace(/\b(pre|post)\s*\.\s*sum\s*\(\s*(\w*)\s*\)/g, (_m, side: string, target: string) => `${side}___sum_${target || '_all'}`);
  s = s.replace(/(^|[^\w.])sum\s*\(\s*(\w*)\s*\)/g, (_m, pre: string, target: string) => `${pre}_sum_${target || '_all'}`);
  s = s.replace(/\b(pre|post)\s*\.\s*([A-Za-z_]\w*)/g, '$1__$2');
  s = rewriteNot(s);
  return s;
}

/**
 * Parse one ANNarchy expression into a mathjs node tree. Implicit multiplication (`2 v`) and
 * syntax mathjs would accept but C would not are rejected with a message naming the statement.
 *
 * @example
 * ```ts
 * parseExpression('if v > 0: 1 else: 0').toString(); // '(v > 0) ? (1) : (0)'
 * ```
 */
export function parseExpression(text: string, ctx: ExprContext = {}): MathNode {
  const src = toMathSyntax(text, ctx);
  let node: MathNode;
  try {
    node = math.parse(src);
  } catch (e) {
    throw new ModelError(`cannot parse expression "${text.trim()}": ${(e as Error).message}`, { ...ctx, statement: ctx.statement ?? text });
  }
  node.traverse((n) => {
    const anyN = n as MathNode & { implicit?: boolean; type: string };
    if (anyN.type === 'OperatorNode' && anyN.implicit) {
      throw new ModelError(`implicit multiplication "${n.toString()}" is not allowed; write "*"`, { ...ctx, statement: ctx.statement ?? text });
    }
    if (['AccessorNode', 'IndexNode', 'ArrayNode', 'ObjectNode', 'AssignmentNode', 'FunctionAssignmentNode', 'RangeNode', 'BlockNode'].includes(anyN.type)) {
      throw new ModelError(`unsupported syntax "${n.toString()}" (${anyN.type})`, { ...ctx, statement: ctx.statement ?? text });
    }
  });
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
