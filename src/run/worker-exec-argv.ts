/**
 * The flags a pool thread needs when its module is TypeScript (running from the sources under
 * tsx): the module-loading ones of this process, with tsx's loader resolved here.
 * @packageDocumentation
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Flags that load or resolve modules, handed on to the threads (their value follows or comes after `=`). */
const LOADING_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C', '--enable-source-maps', '--no-warnings', '--experimental-specifier-resolution']);

/**
 * `execArgv` for a worker thread running `workerFile`: undefined for JavaScript (the thread
 * inherits this process's flags as Node passes them), else this process's module-loading flags
 * plus tsx's loader. Everything else is left out: a thread given a process-wide flag (V8's, such
 * as `--max-old-space-size` or `--expose-gc`, or `--perf-basic-prof`, `--title`) fails to start
 * with ERR_WORKER_INVALID_EXEC_ARGV, and V8's flags apply to every thread anyway. A bare
 * `--import tsx` would resolve from the working directory, so tsx is resolved from here.
 *
 * @example
 * ```ts
 * workerExecArgv('/src/run/pool-worker.ts', ['--max-old-space-size=4000', '--import', 'tsx']);
 * // ['--import=file:///.../node_modules/tsx/dist/loader.mjs']
 * ```
 */
export function workerExecArgv(workerFile: string, execArgv: readonly string[] = process.execArgv): string[] | undefined {
  if (!workerFile.endsWith('.ts')) return undefined;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args: string[] = [];
  let hasTsx = false;
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    // a value given apart (`--import tsx`, `--stack-size 2000`) is the next word without a dash
    const value = eq > 0 ? a.slice(eq + 1) : execArgv[i + 1] !== undefined && !execArgv[i + 1]!.startsWith('-') ? execArgv[++i]! : undefined;
    if (!LOADING_FLAGS.has(name)) continue;
    if ((name === '--import' || name === '--loader' || name === '--experimental-loader') && value === 'tsx') {
      args.push(`${name}=${tsx}`);
      hasTsx = true;
    } else {
      if (value?.includes('tsx')) hasTsx = true;
      args.push(value === undefined ? name : `${name}=${value}`);
    }
  }
  return hasTsx ? args : [...args, `--import=${tsx}`];
}
