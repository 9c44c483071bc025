/**
 * One run for the constant-memory row of bench/recording-streams.ts, in its own process so that
 * its maximum RSS is its own: 1000 rate neurons x 100000 steps (1e8 samples of r), either
 * recorded to an Arrow file through CompNeuroMonitors `recordTo` or not recorded at all.
 * Prints `{ maxRssMB, seconds, bytes }` as JSON.
 *
 *   npx tsx bench/record-to-rss.ts recorded /tmp/x.arrow
 *   npx tsx bench/record-to-rss.ts plain
 */
import { statSync } from 'node:fs';
import { Neuron } from '../src/language/neuron.js';
import { Population } from '../src/engine/population.js';
import { compile, setup, simulate } from '../src/engine/global-functions.js';
import { CompNeuroMonitors } from '../src/monitors/comp-neuro-monitors.js';
import { arrowFile } from '../src/io/arrow-file.js';

const [mode, path] = process.argv.slice(2);
setup({ dt: 0.1, verbose: false });
new Population(1000, new Neuron({ parameters: 'tau = 10', equations: 'tau * dr/dt = 1 - r' }), 'pop');
compile();
const mon = mode === 'recorded' ? new CompNeuroMonitors({ pop: ['r'] }, { recordTo: arrowFile(path!), log: () => {} }) : undefined;
mon?.start();
const t0 = performance.now();
simulate(10000); // 100000 steps
mon?.getRecordings();
await mon?.closeRecording();
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, seconds, bytes: mode === 'recorded' ? statSync(path!).size : 0 }));
