/**
 * Code of `ref op= rhs` with C's conversion of the result to the attribute's type (int
 * truncates toward zero, bool maps to 0/1), shared by neuron and synapse kernels.
 *
 * @example
 * ```ts
 * assignmentCode('$n[i]', 'int', '+=', '0.5'); // '$n[i] = Math.trunc(($n[i] + 0.5));'
 * ```
 */
export function assignmentCode(ref: string, type: string, op: string, rhsCode: string): string {
  let rhs = op === '=' ? rhsCode : `(${ref} ${op[0]} ${rhsCode})`;
  if (type === 'int') rhs = `Math.trunc(${rhs})`;
  else if (type === 'bool') rhs = `((${rhs}) ? 1 : 0)`;
  return `${ref} = ${rhs};`;
}

/**
 * Clamps after an update, in the order the bounds were written (`min=`/`max=` flags).
 *
 * @example
 * ```ts
 * clampCode('$v[i]', [{ kind: 'min', code: '0' }]); // ' if ($v[i] < 0) $v[i] = 0;'
 * ```
 */
export function clampCode(ref: string, bounds: readonly { kind: 'min' | 'max'; code: string }[]): string {
  return bounds.map((b) => (b.kind === 'min' ? ` if (${ref} < ${b.code}) ${ref} = ${b.code};` : ` if (${ref} > ${b.code}) ${ref} = ${b.code};`)).join('');
}
