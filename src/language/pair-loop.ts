/**
 * The per-neuron loop of an update kernel, two neurons per iteration: the statements of neuron
 * `i` and `i + 1` alternate, so that the CPU overlaps one neuron's long dependency chains (exp,
 * divisions) with the other's (HH_Bischop: ~4% faster). Each neuron still computes exactly what
 * it computed alone; `ordered` statements (spike test, stores) run for `i`, then for `i + 1`,
 * so spikes are listed in rank order. An odd last neuron runs in a single-neuron loop.
 *
 * `compute` and `ordered` are statement lines over the neuron's locals `$$x` and the index `i`.
 * Returns the single-neuron loop if a statement declares a name it cannot rename, or with
 * `pairs` false (a population of one neuron: the paired loop would never run, and V8 would
 * still compile it, about twice the code, on the first run's critical path).
 *
 * @example
 * pairLoop(['let $$v = $v[i];', '$$v += dt * 2;'], ['$v[i] = $$v;'], '__n');
 * // ['let i = 0;', 'for (; i + 1 < __n; i += 2) {', '  const i$1 = i + 1;', '  let $$v = $v[i];',
 * //  '  let $$v$1 = $v[i$1];', ...]
 */
export function pairLoop(compute: string[], ordered: string[], n: string, pairs = true): string[] {
  const single = ['for (let i = 0; i < ' + n + '; i++) {', ...[...compute, ...ordered].map((l) => `  ${l}`), '}'];
  if (!pairs) return single;
  const statements = topLevel(compute);
  // top-level declarations other than neuron locals ($$x) and exp results (__e<n>) are not renamed
  if (statements.some((s) => /^\s*(let|const|var)\s+(?!\$\$|__e\d+\b)/.test(s[0]!))) return single;
  const second = (line: string) => line
    .replace(/\$\$(\w+)/g, (_, name: string) => `$$${name}$1`)
    .replace(/\b__e(\d+)\b/g, (_, k: string) => `__e${k}$1`)
    .replace(/(?<![\w$.])i(?![\w$])/g, 'i$1');
  const body: string[] = ['const i$1 = i + 1;'];
  for (const s of statements) body.push(...s, ...s.map(second));
  body.push(...ordered, ...ordered.map(second));
  return [
    'let i = 0;',
    `for (; i + 1 < ${n}; i += 2) {`,
    ...body.map((l) => `  ${l}`),
    '}',
    `for (; i < ${n}; i++) {`,
    ...[...compute, ...ordered].map((l) => `  ${l}`),
    '}',
  ];
}

/** Groups lines into top-level statements (a `{ ... }` block spanning lines is one statement). */
function topLevel(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let depth = 0;
  for (const l of lines) {
    cur.push(l);
    depth += (l.match(/\{/g)?.length ?? 0) - (l.match(/\}/g)?.length ?? 0);
    if (depth === 0) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
