import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { currentNetwork } from '../engine/magic-network.js';
import type { Network } from '../engine/network.js';
import { reportMarkdown, type ReportOptions } from '../engine/report.js';

/**
 * Write a Markdown description of the network (ANNarchy `report(filename)` with a `.md` file):
 * structure, neuron and synapse models, parameters; the directory is created if needed.
 *
 * @example
 * ```ts
 * report({ filename: 'report.md', title: 'COBA network' });
 * ```
 */
export function report(o: ReportOptions & { filename?: string; network?: Network } = {}): string {
  const filename = o.filename ?? './report.md';
  if (!filename.endsWith('.md')) throw new Error(`report: only Markdown is written; the file name must end with .md, got ${JSON.stringify(filename)}`);
  const md = reportMarkdown(o.network ?? currentNetwork(), o);
  const dir = dirname(filename);
  if (dir !== '' && dir !== '.') mkdirSync(dir, { recursive: true });
  writeFileSync(filename, md);
  return md;
}
