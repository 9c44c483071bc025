/**
 * The messages between the playground page and its simulation worker (structured-clone data;
 * the typed arrays of a slice are transferred, not copied).
 */
import type { EditorDiagnostic } from './sections.js';
import type { ModelInfo, RunChunk } from './experiment-run.js';
import type { PlaygroundState } from './state.js';

/**
 * Page -> worker: check a model text (`compile`), start a run from t = 0 (`run`, replacing any
 * running one), set a parameter from the next step (`set`), stop (`stop`).
 *
 * @example
 * ```ts
 * worker.postMessage({ type: 'set', runId: 3, name: 'gg_Na', value: 650 } satisfies ToWorker);
 * ```
 */
export type ToWorker =
  | { type: 'compile'; id: number; source: string; name: string; dt: number }
  | { type: 'run'; runId: number; state: PlaygroundState }
  | { type: 'set'; runId: number; name: string; value: number }
  | { type: 'stop'; runId: number };

/**
 * Worker -> page: the result of a check (`compiled`: the model's description, or the error placed
 * in the editor), a run's start, its data slices, its end (with the wall time it took) or its error.
 *
 * @example
 * ```ts
 * worker.onmessage = (e: MessageEvent<FromWorker>) => { if (e.data.type === 'data') plot(e.data); };
 * ```
 */
export type FromWorker =
  | { type: 'compiled'; id: number; ok: true; info: ModelInfo; /** Time the compile took in the worker. */ ms: number }
  | { type: 'compiled'; id: number; ok: false; diagnostic: EditorDiagnostic }
  | { type: 'started'; runId: number; info: ModelInfo; n: number; sweepValues: number[] | undefined; protocolAttr: string | undefined; totalSteps: number; dt: number; periodSteps: number; buildMs: number }
  | ({ type: 'data'; runId: number } & RunChunk)
  | { type: 'done'; runId: number; step: number; stopped: boolean; /** From the run message to the end, building included. */ wallMs: number }
  | { type: 'error'; runId: number; message: string; diagnostic?: EditorDiagnostic }
  | { type: 'set-error'; runId: number; name: string; message: string };
