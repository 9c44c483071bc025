/**
 * Generated code compiled per use, with V8 state of its own. V8 caches functions compiled from the
 * same source text (its eval cache). So every network built from one model shared one compiled
 * kernel and one feedback cell. In the second and later networks of a process, a JavaScript
 * kernel then often never left V8's baseline tier. Measured: COBA 4000 on the JavaScript backend
 * took 0.75-1.06 s per simulated second in those networks, against 0.30-0.55 s in the others.
 * A unique `sourceURL` comment makes each source text its own, and names the code in profiles.
 * @packageDocumentation
 */

let serial = 0;

/** A name fit for a `sourceURL` comment: user text (a model's name) cannot end the comment. */
const safeName = (name: string): string => name.replace(/[^\w./-]/g, '_').slice(0, 80);

/**
 * `new Function(...params, body)` compiled afresh: its code and type feedback are not shared with
 * an earlier function of the same source. `name` (e.g. `COBA/update`) labels it in profiles.
 *
 * @example
 * ```ts
 * const add = freshFunction<(a: number, b: number) => number>(['a', 'b'], 'return a + b;', 'add');
 * add(1, 2); // 3
 * ```
 */
export function freshFunction<F>(params: readonly string[], body: string, name: string): F {
  return new Function(...params, `${body}\n//# sourceURL=compneuro-rx-generated/${safeName(name)}/${++serial}.js`) as F;
}

/**
 * A factory (`(S, C) => kernel`, ...) whose every call runs code compiled for that call alone
 * ({@link freshFunction}): each population or projection bound to it gets a kernel of its own.
 * `body` is compiled once here, so a syntax error throws when the factory is made (callers turn
 * it into a ModelError); the first call uses that compilation.
 *
 * @example
 * ```ts
 * const factory = freshFactory<(k: number) => () => number>(['k'], 'return () => k;', 'constant');
 * factory(3)(); // 3, from code compiled for this call
 * ```
 */
export function freshFactory<F extends (...args: never[]) => unknown>(params: readonly string[], body: string, name: string): F {
  let unused: F | undefined = freshFunction<F>(params, body, name);
  return ((...args: Parameters<F>) => {
    const f = unused ?? freshFunction<F>(params, body, name);
    unused = undefined;
    return f(...args);
  }) as unknown as F;
}
