/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

/**
 * The names a loop body reads outside the branches of its `if` statements: identifiers, and
 * the source text of member chains such as `__R.__rand_0`. The WebAssembly loop keeps these in
 * registers for the whole loop; a value read only inside branches (a reset's `c`, the spike
 * time `__t`) is loaded where the branch runs instead, so that it takes no register in the hot
 * path (V8 otherwise spills and reloads such values on every iteration). Over-approximates:
 * names in an `if` test, a `?:` or a helper call count as outside.
 *
 * @example
 * ```ts
 * const src = 'v += dt * a; if (v > 1) { v = c; }';
 * namesOutsideBranches(parse(src, { ecmaVersion: 2022 }), src); // Set { 'v', 'dt', 'a' }
 * ```
 */
export function namesOutsideBranches(program: Node, source: string): Set<string> {
  const out = new Set<string>();
  const visit = (n: Node, inBranch: boolean): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x, inBranch);
      return;
    }
    if (typeof n.type !== 'string') return;
    if (n.type === 'IfStatement') {
      visit(n.test, inBranch);
      visit(n.consequent, true);
      visit(n.alternate, true);
      return;
    }
    if (!inBranch) {
      if (n.type === 'Identifier') out.add(n.name);
      else if (n.type === 'MemberExpression' && !n.computed) out.add(source.slice(n.start, n.end));
    }
    for (const k of Object.keys(n)) if (k !== 'type' && k !== 'start' && k !== 'end') visit(n[k], inBranch);
  };
  visit(program, false);
  return out;
}
