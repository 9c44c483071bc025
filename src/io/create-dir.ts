/**
 * CompNeuroPy's `create_dir` and `clear_dir`.
 * @packageDocumentation
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deletes everything inside `path` (the folder itself stays). A missing folder prints
 * CompNeuroPy's message and does nothing.
 *
 * @example
 * ```ts
 * clearDir('results');
 * ```
 */
export function clearDir(path: string): void {
  if (typeof path !== 'string') throw new Error(`clearDir: path must be a string, got ${typeof path}`);
  if (!existsSync(path)) {
    console.log(`The folder '${path}' does not exist.`);
    return;
  }
  if (!statSync(path).isDirectory()) throw new Error(`clearDir: "${path}" is not a folder`);
  for (const f of readdirSync(path)) rmSync(join(path, f), { recursive: true, force: true });
}

/** Options of {@link createDir}. */
export interface CreateDirOptions {
  /** Print whether the folder already existed (default false). */
  printInfo?: boolean;
  /** Clear an existing folder (default false). */
  clear?: boolean;
  /**
   * Asked before clearing (CompNeuroPy asks "Do you really want to clear <path> (y/n):" on the
   * terminal); return false to keep the contents. Default: clear without asking.
   */
  confirm?: (question: string) => boolean;
}

/**
 * Creates a folder and its parents (`create_dir(path, print_info, clear)`); an existing folder
 * is kept, or cleared with `clear`.
 *
 * @example
 * ```ts
 * createDir('results/run1', { clear: true });
 * ```
 */
export function createDir(path: string, options: CreateDirOptions = {}): void {
  const { printInfo = false, clear = false, confirm } = options;
  if (typeof path !== 'string') throw new Error('create_dir, ERROR: path is no str');
  if (path.length === 0) return;
  if (!existsSync(path)) {
    mkdirSync(path, { recursive: true });
    return;
  }
  if (!statSync(path).isDirectory()) throw new Error(`could not create ${path} folder: a file of that name exists`);
  if (printInfo) console.log(`${path} already exists`);
  if (!clear) return;
  if (confirm && !confirm(`Do you really want to clear ${path} (y/n):`)) {
    if (printInfo) console.log(`${path} already exists and was not cleared.`);
    return;
  }
  clearDir(path);
  if (printInfo) console.log(`${path} already exists and was cleared.`);
}
