import { acornModule } from './acorn-module.js';

/**
 * `setup({ fastMath: true })`: divisions by values that do not change during the neuron loop
 * (population-wide parameters and variables, constants, `dt`, number literals) become
 * multiplications by their reciprocal, computed once per step before the loop. This is one of
 * the rewrites C compilers make under `-ffast-math` (Brian2's default): `x / tau` and
 * `x * (1 / tau)` differ in the last bit for some x, so results change in the last bits and no
 * longer match ANNarchy's exactly. Off by default.
 *
 * The rewrite works on the generated loop body (JavaScript over one neuron `i`), so both
 * backends (JavaScript and WebAssembly, which compiles that body) get the same code.
 *
 * @example
 * ```ts
 * const table = new Map<string, string>();
 * reciprocalDivisions(['const __d = (El - $$v) / $tau;'], (n) => n === '$tau', table);
 * // ['const __d = (El - $$v) * __rcp_0;'], table: '$tau' -> '__rcp_0'
 * reciprocalDefinitions(table); // ['const __rcp_0 = 1 / $tau;']
 * ```
 */
export function reciprocalDivisions(lines: readonly string[], invariant: (name: string) => boolean, table: Map<string, string>): string[] {
  const source = lines.join('\n');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Node = any;
  const ast = acornModule().parse(source, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true }) as Node;
  const splices: { at: number; end: number; text: string }[] = [];
  // an expression of invariant names and literals (`2 * $F * $A * $d`): its reciprocal once per step
  const invariantExpr = (n: Node): boolean => (n.type === 'Identifier' && invariant(n.name))
    || (n.type === 'Literal' && typeof n.value === 'number')
    || (n.type === 'UnaryExpression' && n.operator === '-' && invariantExpr(n.argument))
    || (n.type === 'BinaryExpression' && ['+', '-', '*', '/'].includes(n.operator) && invariantExpr(n.left) && invariantExpr(n.right));
  const divisor = (n: Node): string | undefined => {
    if ((n.type === 'Identifier' && invariant(n.name)) || (n.type === 'BinaryExpression' && invariantExpr(n))) {
      const key = n.type === 'Identifier' ? n.name : `(${source.slice(n.start, n.end)})`;
      let name = table.get(key);
      if (name === undefined) table.set(key, (name = `__rcp_${table.size}`));
      return name;
    }
    if (n.type === 'Literal' && typeof n.value === 'number' && n.value !== 0 && Number.isFinite(1 / n.value)) {
      // the reciprocal as a literal: String() of a double reads back as the same double
      return `(${String(1 / n.value)})`;
    }
    return undefined;
  };
  const visit = (n: Node): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    if (typeof n.type !== 'string') return;
    if (n.type === 'BinaryExpression' && n.operator === '/') {
      const r = divisor(n.right);
      if (r !== undefined) {
        // the operator is the only '/' between the operands (parentheses may surround either)
        const op = source.indexOf('/', n.left.end);
        splices.push({ at: op, end: op + 1, text: '*' }, { at: n.right.start, end: n.right.end, text: r });
      }
    }
    for (const k of Object.keys(n)) if (k !== 'type' && k !== 'start' && k !== 'end') visit(n[k]);
  };
  visit(ast.body);
  splices.sort((a, b) => b.at - a.at);
  let out = source;
  for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out.split('\n');
}

/** The statements computing the reciprocals named by {@link reciprocalDivisions}, in order. */
export function reciprocalDefinitions(table: ReadonlyMap<string, string>): string[] {
  return [...table].map(([expr, name]) => `const ${name} = 1 / ${expr};`);
}

/**
 * The other rewrites of `setup({ fastMath: true })`, on the loop body of one neuron (lines in
 * execution order, neuron locals `$$x`): a time constant computed as a reciprocal,
 * `$$tau = (1 / S);`, is used as `X / $$tau` -> `X * S`, and divisions by the same `S` share
 * one reciprocal (`$$x_inf = (alpha / S)` -> `alpha * (1 / S)`), as C compilers do under
 * `-ffast-math` with common subexpressions. HH gates go from four divisions to two. `S` is
 * kept in a new local at its first use (`$$__den<k>`), so later assignments cannot change it.
 *
 * @example
 * ```ts
 * reciprocalTimeConstants(['$$x_inf = ($$a / ($$a + $$b));', '$$tau = (1 / ($$a + $$b));', 'const __d = (($$x_inf - $$x) / $$tau);']);
 * // ['const $$__den0 = ($$a + $$b); const $$__rcp0 = 1 / $$__den0; $$x_inf = ($$a * $$__rcp0);',
 * //  '$$tau = $$__rcp0;', 'const __d = (($$x_inf - $$x) * $$__den0);']
 * ```
 */
export function reciprocalTimeConstants(lines: readonly string[]): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Node = any;
  const out = [...lines];
  let k = 0;
  const parseLine = (l: string): Node | undefined => {
    try {
      return (acornModule().parse(l, { ecmaVersion: 2022, sourceType: 'script' }) as Node).body;
    } catch {
      return undefined; // a line of a multi-line block
    }
  };
  const namesOf = (src: string) => new Set([...src.matchAll(/\$\$\w+/g)].map((m) => m[0]));
  const assigned = (l: string) => [...l.matchAll(/(\$\$\w+)\s*(?:[-+*/]?=)(?!=)/g)].map((m) => m[1]!);
  // brace depth before each line: the new locals are declared at the top level of the body only
  const depth: number[] = [];
  let d = 0;
  for (const l of lines) {
    depth.push(d);
    d += (l.match(/\{/g)?.length ?? 0) - (l.match(/\}/g)?.length ?? 0);
  }
  for (let at = 0; at < out.length; at++) {
    if (depth[at] !== 0) continue;
    const body = parseLine(out[at]!);
    const st = body?.length === 1 ? body[0] : undefined;
    // `$$tau = (1 / S);` with S over neuron locals
    if (st?.type !== 'ExpressionStatement' || st.expression.type !== 'AssignmentExpression' || st.expression.operator !== '=') continue;
    const { left, right } = st.expression;
    if (left.type !== 'Identifier' || !left.name.startsWith('$$') || right.type !== 'BinaryExpression' || right.operator !== '/') continue;
    if (right.left.type !== 'Literal' || right.left.value !== 1) continue;
    const tau = left.name as string;
    const line = out[at]!;
    // S as written, with its parentheses
    const whole = line.slice(right.start, right.end);
    const S = whole.slice(whole.indexOf('/') + 1).trim();
    const inputs = namesOf(S);
    if (inputs.has(tau)) continue;
    // tau assigned only here
    if (out.some((l, j) => j !== at && assigned(l).includes(tau))) continue;
    // earlier lines dividing by the same S with its inputs unchanged since: they share the reciprocal
    let first = at;
    for (let j = at - 1; j >= 0; j--) {
      if (assigned(out[j]!).some((n) => inputs.has(n))) break;
      if (out[j]!.includes(`/ ${S}`) && depth[j] === 0 && parseLine(out[j]!)) first = j;
    }
    const den = `$$__den${k}`, rcp = `$$__rcp${k}`;
    k++;
    for (let j = first; j < at; j++) out[j] = out[j]!.split(`/ ${S}`).join(`* ${rcp}`);
    out[at] = `${tau} = ${rcp};`;
    out[first] = `const ${den} = ${S}; const ${rcp} = 1 / ${den}; ${out[first]}`;
    // later divisions by tau, while tau keeps this value (it is assigned only here)
    const div = new RegExp(`/ ${tau.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    for (let j = at + 1; j < out.length; j++) out[j] = out[j]!.replace(div, () => `* ${den}`);
  }
  return out;
}
