// Shared by the Node and the Chromium fit tests: run an exported fit script as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExperimentRun } from '../../../src/apps/playground/experiment-run.js';
import { presetByName } from '../../../src/apps/playground/presets.js';
import { defaultState, type PlaygroundState } from '../../../src/apps/playground/state.js';
import { traceCsv } from '../../../src/fit/trace-csv.js';

/** The library's Node entry, imported by the exported scripts under test. */
export const LIBRARY = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));

/** Write the exported fit script, run it with tsx, return its --json result. */
export function runExportedFit(code: string, file: string): { names: string[]; best: number[]; bestFitness: number; generations: number } {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  const r = spawnSync('npx', ['tsx', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`the exported fit script failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const LIF = presetByName('LIF')!;
/** LIF below threshold: a 10 pA step from 20 to 150 ms; v recorded every step (0.1 ms). */
export const LIF_BASE: PlaygroundState = {
  ...defaultState(LIF.source, 'LIF'),
  duration: 200,
  dt: 0.1,
  periodSteps: 1,
  speed: 0,
  protocol: { kind: 'currentStep', values: { t1: 20, t2: 150, a1: 0, a2: 10 } },
};

/** The CSV of LIF_BASE's v with tau = 12 ms, C = 0.8 (the known parameters the fit recovers). */
export function lifCsv(params: Record<string, number> = { tau: 12, C: 0.8 }): string {
  const run = new ExperimentRun({ ...LIF_BASE, params });
  const v: number[] = [];
  while (!run.done) v.push(...run.advance(1e9).values);
  return traceCsv(v.map((_, j) => j * 0.1), v, ['time', 'v']);
}
