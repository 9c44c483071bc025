import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs an example as a user does (`npm start -- examples/<name>.ts`, i.e. scripts/start.mjs) in
 * its own process and working directory, as CompNeuroPy's tests run each example in a separate
 * process (the models live on one global network). Returns stdout.
 */
export function runExample(name: string, cwd: string, args: readonly string[] = []): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), `examples/${name}.ts`, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temporary working directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cnp-example-'));
}

/** An expected console output from spec/fixtures/examples. */
export function fixture(file: string): string {
  return readFileSync(join(ROOT, 'spec/fixtures/examples', file), 'utf8');
}

/** Width and height of a PNG file, from its IHDR chunk. */
export function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}
