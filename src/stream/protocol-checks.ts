import { Population } from '../engine/population.js';
import { roundTo } from '../analysis/number-of-decimals.js';
import type { PopulationRef } from './protocol.js';

/** `int(round(t / dt))` as CompNeuroPy computes sample counts (Python rounds halves to even). */
export function pyRoundSteps(t: number, dt: number): number {
  return roundTo(t / dt);
}

/** Throws unless `x` is a finite number. */
export function checkNumber(where: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${where}: ${name} must be a finite number, got ${String(x)}`);
}

/** Throws unless `t` is a non-negative finite number of ms. */
export function checkDuration(where: string, name: string, t: unknown): asserts t is number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) throw new Error(`${where}: ${name} must be a non-negative duration in ms, got ${String(t)}`);
}

/**
 * Throws unless `t` is a whole number of time steps (up to rounding of the division, so 0.3 ms
 * at dt 0.1 passes); otherwise the step count (`ceil`) and CompNeuroPy's returned arrays
 * (`round`) would disagree.
 */
export function checkMultipleOfDt(where: string, name: string, t: number, dt: number): void {
  const q = t / dt;
  if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q))) {
    throw new Error(`${where}: ${name} = ${t} ms is not a multiple of the time step dt = ${dt} ms`);
  }
}

/** Throws unless `n` is an integer >= min. */
export function checkCount(where: string, name: string, n: unknown, min: number): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw new Error(`${where}: ${name} must be an integer >= ${min}, got ${String(n)}`);
}

/** Throws unless `pop` is a population name or object. */
export function checkPopRef(where: string, pop: unknown): asserts pop is PopulationRef {
  if (typeof pop !== 'string' && !(pop instanceof Population)) {
    throw new Error(`${where}: pop must be a population name (string) or a Population, got ${pop === null ? 'null' : typeof pop}`);
  }
}

/** Throws unless `opts` is an options object. */
export function checkOptions(where: string, opts: unknown, keys: readonly string[]): asserts opts is Record<string, unknown> {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) throw new Error(`${where}: expected an options object { ${keys.join(', ')} }`);
}
