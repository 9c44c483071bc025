/**
 * Keyword-argument handling shared by the CompNeuroPy model classes: Python keyword arguments
 * become one options object, checked here so a typo fails loudly instead of being ignored
 * (Python would raise `TypeError: unexpected keyword argument`).
 */

/**
 * Merge `opts` over `defaults`, rejecting unknown keys and values of the wrong type.
 * Numbers must be finite (they are written into the description text).
 *
 * @example
 * ```ts
 * const o = resolveOptions('PoissonNeuron', { rates: 100 }, { rates: 0 });
 * o.rates; // 100
 * ```
 */
export function resolveOptions<T extends Record<string, unknown>>(className: string, opts: Partial<T> | undefined, defaults: T): T {
  if (opts === undefined || opts === null) return { ...defaults };
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw new Error(`${className}: expected an options object { ${Object.keys(defaults).join(', ')} }, got ${Array.isArray(opts) ? 'an array' : typeof opts}`);
  }
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(opts)) {
    if (!(k in defaults)) {
      // CompNeuroPy's control keywords are camelCase here (params_for_pop -> paramsForPop)
      const camel = k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      const hint = camel !== k && camel in defaults ? ` (did you mean "${camel}"?)` : '';
      throw new Error(`${className}: unknown option "${k}"${hint}; expected one of ${Object.keys(defaults).join(', ')}`);
    }
    if (v === undefined) continue;
    const d = defaults[k];
    if (typeof d === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${className}: option "${k}" must be a finite number, got ${String(v)}`);
    } else if (typeof d === 'boolean') {
      if (typeof v !== 'boolean') throw new Error(`${className}: option "${k}" must be a boolean, got ${typeof v}`);
    } else if (k === 'init') {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${className}: option "init" must be an object { variable: value }`);
      for (const [name, val] of Object.entries(v as Record<string, unknown>)) {
        if (typeof val !== 'number' || !Number.isFinite(val)) throw new Error(`${className}: init value of "${name}" must be a finite number, got ${String(val)}`);
      }
    } else if (d === null) {
      // optional number (FactorSynapse's max_trans): null/undefined mean "not given"
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`${className}: option "${k}" must be a finite number or null, got ${String(v)}`);
    }
    out[k] = v;
  }
  return out as T;
}

/**
 * A number as it appears in the generated description text. Python's f-string writes
 * `100.0` where JavaScript writes `100`; both parse to the same double, so the shorter
 * JavaScript form is used.
 *
 * @example
 * ```ts
 * fmt(-60); // "-60"
 * ```
 */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`expected a finite number, got ${x}`);
  return String(x);
}

/**
 * The `: population` flag CompNeuroPy appends when `paramsForPop` is true.
 *
 * @example
 * ```ts
 * `C = 100 ${popFlag(true)}`; // "C = 100 : population"
 * ```
 */
export function popFlag(paramsForPop: boolean): string {
  return paramsForPop ? ': population' : '';
}
