// `npm run bench`: speed and memory targets (medians; the machine is shared and noisy).
import { printTable, type BenchRow } from './bench-utils.js';
import { engineRows } from './engine.js';
import { streamOverhead } from './stream-overhead.js';
import { monitorMemoryBench } from './monitor-memory.js';
import { seedEndToEnd } from './seed-end-to-end.js';
import { cobaRows } from './coba.js';
import { plotRows } from './plot.js';
import { scaleRows } from './scale.js';
import { playgroundRows } from './playground.js';
import { recordingStreamsBench } from './recording-streams.js';
import { hostileCompileRows } from './hostile-compile.js';

const rows: BenchRow[] = [];
rows.push(...engineRows());
rows.push(...cobaRows(3, 'wasm'), ...cobaRows(3, 'wasm', true), ...cobaRows(3, 'js'));
rows.push(...scaleRows(3));
rows.push(...streamOverhead({ repeats: 3, heapSteps: 1e6 }));
rows.push(...monitorMemoryBench(3));
rows.push(...recordingStreamsBench(31));
rows.push(...plotRows(7));
rows.push(...seedEndToEnd(3));
rows.push(...(await playgroundRows(7)));
rows.push(...hostileCompileRows(3));
printTable(rows);
