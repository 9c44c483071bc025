// `npm run bench`: speed and memory targets (medians; the machine is shared and noisy).
// `npm run bench -- --markdown FILE` also writes the table as Markdown (the README's table is
// pasted from one such run), headed by the commit, the machine and its load before and after.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { markdownTable, printTable, type BenchRow } from './bench-utils.js';
import { engineRows } from './engine.js';
import { streamOverhead } from './stream-overhead.js';
import { monitorMemoryBench } from './monitor-memory.js';
import { seedEndToEnd } from './seed-end-to-end.js';
import { cobaRowsInFreshProcess } from './coba.js';
import { plotRows } from './plot.js';
import { scaleRows } from './scale.js';
import { playgroundRows } from './playground.js';
import { recordingStreamsBench } from './recording-streams.js';
import { hostileCompileRows } from './hostile-compile.js';
import { cmaRows, fitRows } from './fit.js';
import { threadRows } from './threads.js';
import { convolutionRows } from './convolution.js';

const mdAt = process.argv.indexOf('--markdown');
const mdFile = mdAt > 0 ? process.argv[mdAt + 1] : undefined;
if (mdAt > 0 && !mdFile) throw new Error('bench: --markdown needs a file name');
const loadBefore = loadavg();
const started = new Date();

const rows: BenchRow[] = [];
rows.push(...engineRows());
rows.push(...cobaRowsInFreshProcess(5));
rows.push(...scaleRows(3));
rows.push(...threadRows(3));
rows.push(...convolutionRows(5));
rows.push(...streamOverhead({ repeats: 3, heapSteps: 1e6 }));
rows.push(...monitorMemoryBench(3));
rows.push(...recordingStreamsBench(31));
rows.push(...plotRows(7));
rows.push(...seedEndToEnd(5));
rows.push(...(await playgroundRows(7)));
rows.push(...hostileCompileRows(3));
rows.push(...cmaRows());
rows.push(...(await fitRows()));
printTable(rows);
if (mdFile) {
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the heading says so
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const minutes = ((Date.now() - started.getTime()) / 60000).toFixed(1);
  const heading = `\`npm run bench\` at ${commit}, ${started.toISOString().slice(0, 16)} UTC, ${minutes} min, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load average before ${load(loadBefore)}, after ${load(loadavg())}.`;
  writeFileSync(mdFile, markdownTable(rows, heading));
  console.log(`bench: the table as Markdown in ${mdFile}`);
}
