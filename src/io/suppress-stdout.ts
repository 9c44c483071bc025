/**
 * CompNeuroPy's `suppress_stdout()`: runs `fn` with standard output discarded (console.log,
 * console.info and direct `process.stdout` writes) and restores it afterwards, also when `fn`
 * throws or its promise rejects. Python's context manager becomes a function taking the body.
 *
 * @example
 * ```ts
 * const model = suppressStdout(() => new CompNeuroModel({ modelCreationFunction: create }));
 * ```
 */
export function suppressStdout<R>(fn: () => R): R {
  if (typeof fn !== 'function') throw new Error('suppressStdout: expected a function to run');
  const write = process.stdout.write;
  const { log, info } = console;
  const restore = (): void => {
    process.stdout.write = write;
    console.log = log;
    console.info = info;
  };
  process.stdout.write = (() => true) as typeof process.stdout.write;
  console.log = () => {};
  console.info = () => {};
  let result: R;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (result instanceof Promise) return result.finally(restore) as R;
  restore();
  return result;
}
