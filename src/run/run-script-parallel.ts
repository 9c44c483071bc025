/**
 * CompNeuroPy's `run_script_parallel`: runs a script (Node; TypeScript through tsx) with each
 * argument list `nTotal` times, `nJobs` at a time, on the local worker pool. A failing run
 * stops the others from starting and is reported with its arguments and output.
 */
import { createRunner } from './create-runner.js';
import { siblingModule } from './module-url.js';
import { evaluateAll } from './runner.js';
import type { ScriptTask } from './script-evaluator.js';

/**
 * Runs `scriptPath` once per entry of `argsList` (each a string of space-separated arguments),
 * repeated `nTotal` times, with at most `nJobs` at once.
 *
 * @example
 * ```ts
 * await runScriptParallel('examples/deap-cma.ts', 2, ['', ''], 1);
 * ```
 */
export async function runScriptParallel(scriptPath: string, nJobs: number, argsList: string[] = [''], nTotal = 1): Promise<void> {
  if (typeof scriptPath !== 'string' || !scriptPath) throw new Error('runScriptParallel: scriptPath must be a path');
  if (!Number.isInteger(nJobs) || nJobs < 1) throw new Error(`runScriptParallel: n_jobs must be a positive integer, got ${String(nJobs)}`);
  if (!Number.isInteger(nTotal) || nTotal < 1) throw new Error(`runScriptParallel: n_total must be a positive integer, got ${String(nTotal)}`);
  const tasks: ScriptTask[] = [];
  for (let t = 0; t < nTotal; t++) for (const a of argsList) tasks.push({ script: scriptPath, args: a.split(' ').filter(Boolean), cwd: process.cwd() });
  const runner = createRunner('local', { threads: nJobs });
  try {
    await evaluateAll(runner, { module: siblingModule(import.meta.url, './script-evaluator.js'), setup: {} }, tasks);
  } finally {
    await runner.close();
  }
}
