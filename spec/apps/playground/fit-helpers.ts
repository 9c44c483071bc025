// Shared by the Node and the Chromium fit tests: run an exported fit script as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
