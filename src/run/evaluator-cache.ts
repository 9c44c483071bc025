/**
 * Loading an evaluation module by name and building its evaluator once per setup: the serial
 * runner, pool workers and queue workers share this. The engine's network is global per thread,
 * so a thread keeps one built evaluator: a different setup rebuilds.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dynamicImport } from './dynamic-import.js';
import { setupKey, type EvaluationJob, type Evaluator, type EvaluatorFactory } from './runner.js';

/**
 * The worker could not build the model: the module, export or factory failed.
 *
 * @example
 * ```ts
 * throw new BuildError('module ./problem.js has no export "makeProblem"');
 * ```
 */
export class BuildError extends Error {
  constructor(readonly module: string, reason: string) {
    super(`worker could not build the model from module "${module}": ${reason}`);
    this.name = 'BuildError';
  }
}

/** A module name as an import specifier: paths become file URLs, others stay. */
export function moduleSpecifier(module: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(module) && !/^[a-z]:[\\/]/i.test(module)) return module; // file:, data:, node:
  if (isAbsolute(module) || module.startsWith('.')) return pathToFileURL(resolve(module)).href;
  return module; // a package name
}

/**
 * Imports a module once; a TypeScript module in a worker thread goes through tsx's namespaced
 * import (Node 20 applies `--import tsx` hooks to the main thread only).
 */
export function importModule(specifier: string): Promise<Record<string, unknown>> {
  // tsImport loads a fresh copy on every call: keep one per module
  let p = modules.get(specifier);
  if (!p) {
    p = importUncached(specifier);
    modules.set(specifier, p);
    p.catch(() => modules.delete(specifier));
  }
  return p;
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

type ScopedImport = (specifier: string, parent: string) => Promise<Record<string, unknown>>;
let tsxImport: Promise<ScopedImport> | undefined;

/** One tsx namespace per thread, so that every TypeScript module shares one copy of the library. */
function tsxScopedImport(): Promise<ScopedImport> {
  tsxImport ??= (async () => {
    const tsx = 'tsx/esm/api'; // a variable: bundlers and tsc leave the optional dependency alone
    const { register } = (await dynamicImport(tsx)) as unknown as { register: (o: { namespace: string }) => { import: ScopedImport } };
    return register({ namespace: 'compneuro-rx' }).import;
  })();
  return tsxImport;
}

async function importUncached(specifier: string): Promise<Record<string, unknown>> {
  try {
    return await dynamicImport(specifier);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(specifier)) throw e;
    return (await tsxScopedImport())(specifier, import.meta.url);
  }
}

let current: { key: string; evaluator: Promise<Evaluator> } | undefined;

/**
 * The evaluator for a job, built on first use and kept until a job with another setup arrives.
 *
 * @example
 * ```ts
 * const evaluate = await loadEvaluator({ module: '/abs/problem.js', setup: { n: 3 } });
 * ```
 */
export function loadEvaluator<T, R>(job: EvaluationJob): Promise<Evaluator<T, R>> {
  const key = setupKey(job);
  if (current?.key !== key) {
    const build = (async () => {
      let mod: Record<string, unknown>;
      try {
        mod = await importModule(moduleSpecifier(job.module));
      } catch (e) {
        throw new BuildError(job.module, `import failed: ${(e as Error).message}`);
      }
      const name = job.exportName ?? 'createEvaluator';
      const factory = mod[name] as EvaluatorFactory | undefined;
      if (typeof factory !== 'function') {
        throw new BuildError(job.module, `it has no function export "${name}" (exports: ${Object.keys(mod).join(', ') || 'none'})`);
      }
      let evaluator: Evaluator;
      try {
        evaluator = await factory(job.setup);
      } catch (e) {
        throw new BuildError(job.module, `${name}(setup) threw: ${(e as Error).message}`);
      }
      if (typeof evaluator !== 'function') throw new BuildError(job.module, `${name}(setup) must return a function evaluating one task`);
      return evaluator;
    })();
    current = { key, evaluator: build };
    // a failed build is not kept: the next job tries again
    build.catch(() => {
      if (current?.key === key) current = undefined;
    });
  }
  return current.evaluator as Promise<Evaluator<T, R>>;
}

/** Forget the built evaluator (tests; a new setup rebuilds anyway). */
export function clearEvaluatorCache(): void {
  current = undefined;
}
