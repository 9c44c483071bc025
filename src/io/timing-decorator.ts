/**
 * CompNeuroPy's `timing_decorator(threshold=0.1)`: wraps a function so that a call taking at
 * least `threshold` seconds prints `<name> took X.XXXX seconds`. An async function is timed
 * until its promise settles.
 *
 * @example
 * ```ts
 * const slow = timingDecorator(0.5)(function simulateTrial() { simulate(1000); });
 * slow(); // prints "simulateTrial took 0.8123 seconds" if it took that long
 * ```
 */
export function timingDecorator(threshold = 0.1) {
  if (typeof threshold !== 'number' || !(threshold >= 0)) throw new Error(`timingDecorator: threshold must be a number of seconds >= 0, got ${String(threshold)}`);
  return function decorate<A extends unknown[], R>(func: (...args: A) => R): (...args: A) => R {
    if (typeof func !== 'function') throw new Error('timingDecorator: expected a function to wrap');
    const report = (start: number): void => {
      const seconds = (performance.now() - start) / 1000;
      if (seconds >= threshold) console.log(`${func.name || 'anonymous'} took ${seconds.toFixed(4)} seconds`);
    };
    const wrapped = function (this: unknown, ...args: A): R {
      const start = performance.now();
      const result = func.apply(this, args);
      if (result instanceof Promise) return result.finally(() => report(start)) as R;
      report(start);
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: func.name });
    return wrapped;
  };
}
