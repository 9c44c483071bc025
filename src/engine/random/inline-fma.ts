/**
 * Expands `FMA(a, b, c)` calls in JavaScript source into inline statements computing `a*b + c`
 * with one rounding (exact product by Dekker's algorithm, compensated sum; `fma` of ./libm.ts
 * is built from it),
 * innermost calls first, each into a `let __fN` before the line that uses it. A call that
 * V8 does not inline passes and returns its doubles boxed (16 B each): the log of every normal
 * draw would allocate. Arguments must not contain parentheses or names starting with `__`;
 * one statement per line.
 *
 * @example
 * inlineFma('y = FMA(a, b, FMA(c, d, e));');
 * // 'let __f0; { ... __f0 = ... }\nlet __f1; { ... }\ny = __f1;'
 */
export function inlineFma(source: string): string {
  let n = 0;
  const out: string[] = [];
  const call = /FMA\(([^()]*)\)/;
  for (const line of source.split('\n')) {
    let rest = line;
    const indent = /^\s*/.exec(line)![0];
    for (let m = call.exec(rest); m; m = call.exec(rest)) {
      const args = m[1]!.split(',').map((a) => a.trim());
      if (args.length !== 3 || args.some((a) => a === '')) throw new Error(`inlineFma: FMA() takes 3 arguments: ${m[0]}`);
      const v = `__f${n++}`;
      // block locals are prefixed: they must not shadow names the arguments use
      out.push(
        `${indent}let ${v};`,
        `${indent}{ const __a = ${args[0]}, __b = ${args[1]}, __c = ${args[2]}, __p = __a * __b, __s = __p + __c;`,
        // __p - __p !== 0: infinite or NaN (Number.isFinite without a call). The rare branch
        // has no operation of its own: one that never ran has no type feedback, and optimised
        // code meeting it deoptimises (then runs unoptimised, allocating, until re-optimised).
        `${indent}  if (__p - __p !== 0 || __p === 0 || __c - __c !== 0) ${v} = __s;`,
        `${indent}  else {`,
        `${indent}    let __t = 134217729 * __a; const __ah = __t - (__t - __a), __al = __a - __ah;`,
        `${indent}    __t = 134217729 * __b; const __bh = __t - (__t - __b), __bl = __b - __bh;`,
        `${indent}    const __e = __ah * __bh - __p + __ah * __bl + __al * __bh + __al * __bl, __bb = __s - __p;`,
        `${indent}    ${v} = __s + ((__p - (__s - __bb) + (__c - __bb)) + __e);`,
        `${indent}  } }`,
      );
      rest = rest.slice(0, m.index) + v + rest.slice(m.index + m[0].length);
    }
    out.push(rest);
  }
  return out.join('\n');
}
