/**
 * A named global constant usable in every equation (ANNarchy's `Constant`), changeable at run
 * time with `set()`; kernels read the current value each step.
 *
 * @example
 * ```ts
 * const tau = new Constant('tau', 10);
 * const n = new Neuron({ equations: 'tau * dv/dt = -v' });
 * tau.set(20);
 * ```
 */
export class Constant {
  readonly name: string;
  private _value: number;

  constructor(name: string, value: number) {
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`Constant: invalid name "${name}"; expected an identifier`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Constant "${name}": value must be a finite number, got ${String(value)}`);
    this.name = name;
    this._value = value;
    CONSTANTS.set(name, this);
  }

  /** The current value. */
  get value(): number {
    return this._value;
  }

  /** Change the value; running kernels see it from the next step on. */
  set(value: number): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Constant "${this.name}": value must be a finite number, got ${String(value)}`);
    this._value = value;
  }

  /** The constant's value, so that `c * 2` works. */
  valueOf(): number {
    return this._value;
  }
}

/** All constants by name (ANNarchy keeps them global). */
export const CONSTANTS = new Map<string, Constant>();

/** Forget all constants (used by `clear()`). */
export function clearConstants(): void {
  CONSTANTS.clear();
}

/**
 * The constant named `name` (ANNarchy `get_constant`); throws listing the defined ones if none.
 *
 * @example
 * ```ts
 * new Constant('tau', 10);
 * getConstant('tau').value; // 10
 * ```
 */
export function getConstant(name: string): Constant {
  const c = CONSTANTS.get(name);
  if (!c) throw new Error(`getConstant: no constant "${name}"; defined: ${[...CONSTANTS.keys()].join(', ') || '(none)'}`);
  return c;
}

/**
 * Names of all constants, in creation order (ANNarchy `list_constants`).
 *
 * @example
 * ```ts
 * listConstants(); // ['tau']
 * ```
 */
export function listConstants(): string[] {
  return [...CONSTANTS.keys()];
}
