import type { Network } from '../engine/network.js';
import { currentNetwork } from '../engine/magic-network.js';

/** Options of {@link compileInFolder} (CompNeuroPy's keyword arguments). */
export interface CompileInFolderOptions {
  /** The network to compile (default: the global network). */
  net?: Network;
  /** Accepted for compatibility: there is no build folder to clean. */
  clean?: boolean;
  /** Accepted for compatibility: compiling prints nothing. */
  silent?: boolean;
}

/**
 * CompNeuroPy's `compile_in_folder(folder_name, net=None, clean=False, silent=False)`: compiles
 * the (global) network. ANNarchy builds C++ in `annarchy_folders/<folder_name>`; here kernels
 * are generated in memory, so the folder name is checked and otherwise unused.
 *
 * @example
 * ```ts
 * compileInFolder('my_model');
 * ```
 */
export function compileInFolder(folderName: string, options: CompileInFolderOptions = {}): void {
  if (typeof folderName !== 'string' || folderName.length === 0) {
    throw new Error(`compileInFolder: folderName must be a non-empty string, got ${JSON.stringify(folderName)}`);
  }
  (options.net ?? currentNetwork()).compile();
}
