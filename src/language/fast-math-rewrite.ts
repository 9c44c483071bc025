import { parse } from 'acorn';

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
  const ast = parse(source, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true }) as Node;
  const splices: { at: number; end: number; text: string }[] = [];
  const divisor = (n: Node): string | undefined => {
    if (n.type === 'Identifier' && invariant(n.name)) {
      let name = table.get(n.name);
      if (name === undefined) table.set(n.name, (name = `__rcp_${table.size}`));
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
