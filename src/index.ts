/**
 * compneuro-rx: computational-neuroscience experiments in TypeScript. ANNarchy 4.7.3's model
 * language and semantics, CompNeuroPy's experiment framework, simulations as RxJS Observables.
 * This Node entry adds writing figures to files (PlotRecordings); `compneuro-rx/browser` has
 * everything else.
 *
 * @example
 * ```ts
 * import { setup, HHmodelBischop, CompNeuroMonitors, currentRamp, simulate } from 'compneuro-rx';
 * setup({ dt: 0.01 });
 * const model = new HHmodelBischop();
 * const mon = new CompNeuroMonitors({ HH_Bischop: ['v'] });
 * mon.start();
 * currentRamp({ pop: 'HH_Bischop', a0: 0, a1: 100, dur: 1000, n: 50 });
 * ```
 * @packageDocumentation
 */
import { installTerminalProgressBar } from './node/terminal-progress-bar.js';

export * from './browser.js';
export { PlotRecordings, type PlotRecordingsOptions } from './plot/plot-recordings.js';
export { writeFigure, rasterizeSvg, htmlDocument } from './plot/render-file.js';
export type { RasterImage } from './plot/render-file.js';
export { terminalProgressBar } from './node/terminal-progress-bar.js';

// progress: true draws a terminal bar in Node
installTerminalProgressBar();

// io (Node-only, issue 13): CompNeuroPy's system functions, saving variables Python can read
export { saveVariables, loadVariables } from './io/save-variables.js';
export { encodeVariable, decodeVariable, type EncodedVariable, type StoredArray, type NumericArray } from './io/variable-codec.js';
export { createDir, clearDir, type CreateDirOptions } from './io/create-dir.js';
export { createDataRawFolder, type CreateDataRawFolderOptions } from './io/create-data-raw-folder.js';
export { timingDecorator } from './io/timing-decorator.js';
export { Logger } from './io/logger.js';
export { suppressStdout } from './io/suppress-stdout.js';
export { anovaBetweenGroups, type AnovaBetweenGroupsOptions, type AnovaBetweenGroupsResult } from './io/anova-between-groups.js';
// recordings to disk and Node streams (issue 19)
export { arrowFile } from './io/arrow-file.js';
export { toNodeReadable, fromNodeReadable } from './io/node-readable.js';
// io: saving and loading networks (Node file system)
export { save, load, saveParameters, loadParameters, describeParameters, saveConnectivity, connectFromFile, type SaveOptions } from './io/save-load.js';
export { encodeNpy, decodeNpy, type NpyArray } from './io/npy.js';
export { report } from './io/report.js';
