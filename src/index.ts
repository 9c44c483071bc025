/**
 * compneuro-rx: computational-neuroscience experiments in TypeScript. ANNarchy 4.7.3's model
 * language and semantics, CompNeuroPy's experiment framework, simulations as RxJS Observables.
 * This Node entry adds what needs Node: files (figures, saved variables and networks) and the
 * runners of many simulations (worker threads, Redis queues) with OptNeuron, VClampParamSearch,
 * parallelRun and runScriptParallel; `compneuro-rx/browser` has everything else.
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

// setup({ numThreads }): kernel threads are worker_threads in Node (issue 17)
import { installNodeThreads } from './node/kernel-threads.js';
installNodeThreads();
export { nodeThreadSpawner, installNodeThreads } from './node/kernel-threads.js';

// PlotRecordings renders in a figure thread that loads vega and resvg while the model simulates
import { installFigureThread } from './node/figure-thread.js';
installFigureThread();
export { preloadFigures } from './node/figure-thread.js';
export type { PreloadFiguresOptions } from './node/figure-thread.js';

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
export { save, load, saveParameters, loadParameters, describeParameters, saveConnectivity, connectFromFile, saveProjection, loadProjection, type SaveOptions } from './io/save-load.js';
export { encodeNpy, decodeNpy, type NpyArray } from './io/npy.js';
export { report } from './io/report.js';

// fitting and runners of many simulations (Node: worker threads, Redis, files, terminal bars)
import { setFigureWriter } from './fit/figure-writer.js';
import { writeFigure as writeFigureForFits } from './plot/render-file.js';
setFigureWriter(writeFigureForFits);
export { evaluateAll, EvaluationError, type Runner, type RunnerEvent, type EvaluationJob, type Evaluator, type EvaluatorFactory } from './run/runner.js';
export { SerialRunner } from './run/serial-runner.js';
export { LocalPoolRunner, type LocalPoolRunnerOptions } from './run/local-pool-runner.js';
export { PoolSession, type PoolSessionOptions } from './run/pool-session.js';
export type { SplitDecision } from './fit/split-chooser.js';
export { QueueRunner, type QueueRunnerOptions, type QueueTaskData } from './run/queue-runner.js';
export { startQueueWorker, type QueueWorkerOptions } from './run/queue-worker.js';
export { BuildError } from './run/evaluator-cache.js';
export { OptNeuron, type OptNeuronOptions, type OptNeuronRunOptions, type OptNeuronResult } from './fit/opt-neuron.js';
export { OptNeuronSimulator, resultsOfSingleNeuron, type OptNeuronProblem, type LossValue, type SimulatorOutput } from './fit/opt-neuron-simulator.js';
export { VClampParamSearch, type VClampParamSearchOptions, type ClampData } from './fit/v-clamp-param-search.js';
export { VClampFunctions, clampNeuron, type Line as VClampLine } from './fit/v-clamp-equations.js';
export { tpeMinimize, type TpeOptions } from './fit/tpe.js';
export { parseVariablesBounds, evaluateExpression, type VariableBound, type ParsedBounds } from './fit/variables-bounds.js';
export { createRunner, type CreateRunnerOptions } from './run/create-runner.js';
export { parallelRun, type ParallelRunOptions } from './run/parallel-run.js';
export { runScriptParallel } from './run/run-script-parallel.js';
